from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "foursight.plans"
    label = "plans"
    verbose_name = "Action plans"
