from django.apps import AppConfig


class MeasuresConfig(AppConfig):
    name = "foursight.measures"
    label = "measures"
    verbose_name = "Measures"
