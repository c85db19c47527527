from django.urls import path

from . import views

app_name = "access"
urlpatterns = [
    path("sign-in/", views.SignInView.as_view(), name="sign-in"),
    path("sign-out/", views.SignOutView.as_view(), name="sign-out"),
    path("account/", views.account, name="account"),
    path("account/two-factor/", views.two_factor, name="two-factor"),
    path("account/tokens/", views.create_token, name="create-token"),
    path("account/tokens/<int:pk>/revoke/", views.revoke_token, name="revoke-token"),
]
