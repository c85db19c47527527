from django.urls import path

from . import views

app_name = "records"
urlpatterns = [
    path("search/", views.search_page, name="search"),
    path("search/export/", views.search_export, name="export"),
    path("<int:pk>/", views.record_detail, name="record"),
    path("<int:pk>/labels/", views.add_label, name="add-label"),
    path("<int:pk>/labels/<str:kind>/<path:code>/remove/", views.remove_label, name="remove-label"),
    path("<int:pk>/retention/", views.review_retention, name="review-retention"),
    path("retention/", views.retention_due, name="retention"),
    path("imports/", views.imports, name="imports"),
    path("imports/<int:pk>/", views.import_detail, name="import"),
    path("imports/<int:pk>/rejects.jsonl", views.import_rejects, name="import-rejects"),
    path("usage/", views.usage, name="usage"),
]
