from django.apps import AppConfig


class AccessConfig(AppConfig):
    name = "foursight.access"
    label = "access"
    verbose_name = "Accounts and access"
