from django.urls import path

from . import views

app_name = "triage"
urlpatterns = [
    path("", views.worklist, name="worklist"),
    path("series/<str:series_id>/", views.series, name="series"),
    path("records/<int:pk>/decide/", views.decide, name="decide"),
]
