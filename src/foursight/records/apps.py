from django.apps import AppConfig


class RecordsConfig(AppConfig):
    name = "foursight.records"
    label = "records"
    verbose_name = "Crime records"
