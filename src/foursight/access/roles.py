"""The roles staff hold in Foursight. Each account has exactly one."""

from django.db import models


class Role(models.TextChoices):
    INVESTIGATOR = "investigator", "Investigator"
    SUPERVISOR = "supervisor", "Supervisor"
    SPOC = "spoc", "Stalking single point of contact / clinic"
    DMM_CHAIR = "dmm_chair", "Daily management meeting chair"
    REGISTRAR = "registrar", "Crime registrar"
    ANALYST = "analyst", "Analyst"
    AUDITOR = "auditor", "Auditor"
    PARTNER_ADVOCATE = "partner_advocate", "Partner advocate"
    ADMINISTRATOR = "administrator", "Administrator"
