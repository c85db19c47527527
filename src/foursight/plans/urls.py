from django.urls import path

from . import views

app_name = "plans"
urlpatterns = [
    path("", views.index, name="index"),
    path("overdue/", views.overdue, name="overdue"),
    path("as-at/", views.as_at, name="as-at"),
    path("export.csv", views.export_csv, name="export"),
    path("rows/<int:pk>/", views.subpoint, name="subpoint"),
    path("rows/<int:pk>/edit/", views.edit, name="edit"),
    path("documents/<int:pk>/", views.document, name="document"),
    path("publish/", views.publish, name="publish"),
    path("published/", views.published, name="published"),
    path("published/<int:pk>/", views.publication, name="publication"),
    path("published/<int:pk>/action-plan.csv", views.publication_csv, name="publication-csv"),
    path("published/<int:pk>/action-plan.zip", views.publication_zip, name="publication-zip"),
]
