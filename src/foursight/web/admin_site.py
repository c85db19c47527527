"""The administration site for reference data and accounts, governed by the same policy."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpRequest

from foursight.access.policy import Action, can
from foursight.audit import services as audit
from foursight.audit.models import Operation


class FoursightAdminSite(admin.AdminSite):
    site_header = "Foursight administration"
    site_title = "Foursight administration"
    index_title = "Reference data and accounts"

    def has_permission(self, request: HttpRequest) -> bool:
        user = request.user
        return can(user, Action.MANAGE_REFERENCE_DATA) or can(user, Action.MANAGE_USERS)

    def login(self, request: HttpRequest, extra_context: Any = None) -> Any:
        # Signing in happens on Foursight's own page; a signed-in user without the right role
        # is refused rather than offered the admin's own sign-in form.
        if request.user.is_authenticated:
            raise PermissionDenied("administration is not part of this role")
        return redirect_to_login(request.get_full_path())


class PolicyAdmin(admin.ModelAdmin):
    """A model admin whose every permission is one policy action."""

    action: Action = Action.MANAGE_REFERENCE_DATA

    def _allowed(self, request: HttpRequest) -> bool:
        return can(request.user, self.action)

    def has_module_permission(self, request: HttpRequest) -> bool:
        return self._allowed(request)

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self._allowed(request)

    def has_add_permission(self, request: HttpRequest, *args: Any) -> bool:
        return self._allowed(request)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self._allowed(request)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self._allowed(request)

    # Changes made here (accounts are staff's personal data) are audited like any other.
    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        with transaction.atomic():
            super().save_model(request, obj, form, change)
            audit.log(
                request.user,
                Operation.ALTERATION if change else Operation.COLLECTION,
                obj._meta.model_name,
                [obj.pk],
                fields=sorted(form.changed_data),
            )

    def delete_model(self, request: HttpRequest, obj: Any) -> None:
        with transaction.atomic():
            pk, name = obj.pk, obj._meta.model_name
            super().delete_model(request, obj)
            audit.log(request.user, Operation.ERASURE, name, [pk], fields=["*"])


site = FoursightAdminSite(name="admin")
