from django.apps import AppConfig


class OpsConfig(AppConfig):
    name = "foursight.ops"
    label = "ops"
    verbose_name = "Operations: demo, serving and benchmarks"
