from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "foursight.api"
    label = "api"
    verbose_name = "JSON API"
