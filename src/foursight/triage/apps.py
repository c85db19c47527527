from django.apps import AppConfig


class TriageConfig(AppConfig):
    name = "foursight.triage"
    label = "triage"
    verbose_name = "Screening and triage"
