"""The administration site for reference data and accounts, governed by the same policy."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest

from foursight.access.policy import Action, can


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


site = FoursightAdminSite(name="admin")
