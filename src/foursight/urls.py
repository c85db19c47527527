from django.conf import settings
from django.urls import include, path

from foursight.web.admin_site import site as admin_site

urlpatterns = [
    path("", include("foursight.web.urls")),
    path("", include("foursight.access.urls")),
    path("records/", include("foursight.records.urls")),
    path("people/", include("foursight.people.urls")),
    path("triage/", include("foursight.triage.urls")),
    path("plans/", include("foursight.plans.urls")),
    path("audit/", include("foursight.audit.urls")),
    path("api/", include("foursight.api.urls")),
    path("admin/", admin_site.urls),
]
if settings.OIDC_ENABLED:
    # Sign-in through the force's identity provider (foursight.access.oidc).
    urlpatterns.append(path("oidc/", include("mozilla_django_oidc.urls")))
