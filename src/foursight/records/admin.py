from django.contrib import admin

from foursight.web.admin_site import PolicyAdmin, site

from .models import CrimeFlag, OffenceClass, OffenceCode


class OffenceCodeInline(admin.TabularInline):
    model = OffenceCode
    extra = 0


@admin.register(OffenceClass, site=site)
class OffenceClassAdmin(PolicyAdmin):
    list_display = ("code", "name", "group", "max_penalty", "stalking_related")
    list_filter = ("group", "stalking_related")
    search_fields = ("code", "name", "statute")
    inlines = [OffenceCodeInline]


@admin.register(OffenceCode, site=site)
class OffenceCodeAdmin(PolicyAdmin):
    list_display = ("ho_code", "title", "offence_class")
    search_fields = ("ho_code", "title")


@admin.register(CrimeFlag, site=site)
class CrimeFlagAdmin(PolicyAdmin):
    list_display = ("code", "name")
    search_fields = ("code", "name")
