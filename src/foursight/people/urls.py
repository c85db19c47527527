from django.urls import path

from . import views

app_name = "people"
urlpatterns = [
    path("<int:pk>/", views.person, name="person"),
    path("<int:pk>/decide/", views.decide, name="decide"),
    path("<int:pk>/refer/", views.refer, name="refer"),
    path("referrals/", views.referrals, name="referrals"),
    path("referrals/<int:pk>/withdraw/", views.withdraw, name="withdraw"),
    path("review/", views.flagged, name="flagged"),
]
