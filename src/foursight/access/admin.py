import logging

from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin
from django.db.models import QuerySet
from django.http import HttpRequest
from django_otp.plugins.otp_totp.models import TOTPDevice

from foursight.access.policy import Action
from foursight.web.admin_site import PolicyAdmin, site

from .models import PartnerService, User

logger = logging.getLogger(__name__)


class FoursightUserAdmin(UserAdmin, PolicyAdmin):
    action = Action.MANAGE_USERS
    list_display = ("username", "first_name", "last_name", "role", "staff_id", "is_active")
    list_filter = ("role", "is_active")
    fieldsets = (
        (None, {"fields": ("username", "password")}),
        ("Person", {"fields": ("first_name", "last_name", "email", "staff_id")}),
        ("Access", {"fields": ("role", "partner_service", "is_active")}),
    )
    add_fieldsets = (
        (None, {"fields": ("username", "role", "partner_service", "password1", "password2")}),
    )
    actions = ["reset_two_factor"]

    @admin.action(description="Reset two-factor sign-in (lost or replaced phone)")
    def reset_two_factor(self, request: HttpRequest, queryset: QuerySet[User]) -> None:
        # The account sets up a new authenticator app at its next sign-in.
        TOTPDevice.objects.filter(user__in=queryset).delete()
        for user in queryset:
            logger.warning("two-factor sign-in reset for %s by %s", user, request.user)
        self.message_user(
            request,
            f"Two-factor sign-in reset for {queryset.count()} account(s): "
            "each sets up a new authenticator app at its next sign-in.",
            messages.SUCCESS,
        )


class PartnerServiceAdmin(PolicyAdmin):
    action = Action.MANAGE_USERS
    list_display = ("name", "kind")


site.register(User, FoursightUserAdmin)
site.register(PartnerService, PartnerServiceAdmin)
