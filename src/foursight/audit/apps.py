from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "foursight.audit"
    label = "audit"
    verbose_name = "Audit log"
