"""Two-factor sign-in with time-based codes (django-otp), walked through as a user would."""

from __future__ import annotations

import base64
import re

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery"
TWO_FACTOR = "/account/two-factor/"


@pytest.fixture
def required(settings):
    """Production's rule: every account gives a code."""
    settings.FOURSIGHT_REQUIRE_2FA = True


def _sign_in(client, username="investigator-user", next_page=""):
    data = {"username": username, "password": PASSWORD}
    if next_page:
        data["next"] = next_page
    return client.post("/sign-in/", data)


def _code(device: TOTPDevice, steps_ahead: int = 0) -> str:
    """What the user's authenticator app shows (or will show steps_ahead periods from now)."""
    value = totp(
        device.bin_key,
        step=device.step,
        t0=device.t0,
        digits=device.digits,
        drift=device.drift + steps_ahead,
    )
    return f"{value:0{device.digits}d}"


def _wrong_code(device: TOTPDevice) -> str:
    accepted = {_code(device, steps) for steps in (-1, 0, 1)}
    return next(c for c in ("000000", "111111", "222222", "333333") if c not in accepted)


def _base32(device: TOTPDevice) -> str:
    return base64.b32encode(device.bin_key).decode("ascii")


def test_first_sign_in_sets_up_then_every_sign_in_asks_for_a_code(client, users, required):
    # Password accepted: on to two-factor set-up, keeping where the user was going.
    response = _sign_in(client, next_page="/records/search/")
    assert response.status_code == 302
    assert response["Location"] == TWO_FACTOR + "?next=%2Frecords%2Fsearch%2F"

    # Until a code is given, pages send the user back and the API refuses the session.
    assert client.get("/")["Location"] == TWO_FACTOR + "?next=%2F"
    assert client.get("/records/search/?q=x")["Location"] == (
        TWO_FACTOR + "?next=%2Frecords%2Fsearch%2F%3Fq%3Dx"
    )
    api = client.get("/api/measures")
    assert api.status_code == 403
    assert api.json() == {"detail": "two-factor verification required"}
    assert client.get("/api/docs", HTTP_ACCEPT="application/json").status_code == 403

    # The set-up page: a QR code and the key to type in, and no navigation to pages not open yet.
    setup = client.get(response["Location"])
    page = setup.content.decode()
    assert setup.status_code == 200
    assert "Set up two-factor sign-in" in page
    assert 'src="data:image/svg+xml;base64,' in page
    device = TOTPDevice.objects.get(user=users["investigator"])
    assert not device.confirmed
    assert setup.context["secret"].replace(" ", "") in _base32(device)
    assert "govuk-service-navigation" not in page

    # The code from the app confirms the device, and the user carries on where they were going.
    done = client.post(response["Location"], {"otp_token": _code(device)})
    assert done.status_code == 302 and done["Location"] == "/records/search/"
    device.refresh_from_db()
    assert device.confirmed
    assert client.get("/").status_code == 200
    assert client.get("/api/measures").status_code == 200

    # Next time: the password, then a code (no new set-up).
    client.post("/sign-out/")
    assert _sign_in(client)["Location"] == TWO_FACTOR + "?next=%2F"
    assert client.get("/")["Location"] == TWO_FACTOR + "?next=%2F"
    ask = client.get(TWO_FACTOR)
    assert "Enter your code" in ask.content.decode()
    assert "data:image/svg+xml" not in ask.content.decode()
    assert TOTPDevice.objects.filter(user=users["investigator"]).count() == 1
    # (A code is good once: the app's next code, within the allowed drift, signs in.)
    done = client.post(TWO_FACTOR + "?next=%2F", {"otp_token": _code(device, steps_ahead=1)})
    assert done.status_code == 302 and done["Location"] == "/"
    assert client.get("/").status_code == 200
    # Signed in fully, the sign-in page does not ask again.
    assert client.get("/sign-in/")["Location"] == "/"


def test_a_wrong_code_is_a_govuk_error(client, users, required, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0  # the throttle has its own test
    _sign_in(client)
    client.get(TWO_FACTOR)
    device = TOTPDevice.objects.get(user=users["investigator"])

    response = client.post(TWO_FACTOR, {"otp_token": _wrong_code(device)})
    assert response.status_code == 200
    page = response.content.decode()
    assert re.search(r"<title>Error: Set up two-factor sign-in", page)
    summary = page[page.index('class="govuk-error-summary"') :]
    assert 'href="#id_otp_token"' in summary
    assert "That code is wrong or has expired" in summary
    assert 'id="id_otp_token-error"' in page and "govuk-input--error" in page
    assert client.get("/")["Location"] == TWO_FACTOR + "?next=%2F"

    # Letters are refused before any code is checked.
    response = client.post(TWO_FACTOR, {"otp_token": "abcdef"})
    assert "Enter the 6-digit code, numbers only" in response.content.decode()

    # The right code still works afterwards.
    assert client.post(TWO_FACTOR, {"otp_token": _code(device)}).status_code == 302
    assert client.get("/").status_code == 200


def test_codes_cannot_be_guessed_quickly(client, users, required, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 60  # seconds: no test is that slow
    _sign_in(client)
    client.get(TWO_FACTOR)
    device = TOTPDevice.objects.get(user=users["investigator"])
    client.post(TWO_FACTOR, {"otp_token": _wrong_code(device)})

    response = client.post(TWO_FACTOR, {"otp_token": _code(device)})
    assert response.status_code == 200
    assert "Too many wrong codes" in response.content.decode()
    assert client.get("/")["Location"] == TWO_FACTOR + "?next=%2F"


def test_a_code_is_accepted_only_once(client, users, required):
    _sign_in(client)
    client.get(TWO_FACTOR)
    device = TOTPDevice.objects.get(user=users["investigator"])
    code = _code(device)
    assert client.post(TWO_FACTOR, {"otp_token": code}).status_code == 302
    client.post("/sign-out/")
    _sign_in(client)
    response = client.post(TWO_FACTOR, {"otp_token": code})
    assert response.status_code == 200
    assert client.get("/")["Location"] == TWO_FACTOR + "?next=%2F"


def test_the_next_page_must_be_on_this_site(client, users, required):
    _sign_in(client)
    client.get(TWO_FACTOR)
    device = TOTPDevice.objects.get(user=users["investigator"])
    response = client.post(
        TWO_FACTOR + "?next=https://attacker.example/", {"otp_token": _code(device)}
    )
    assert response["Location"] == "/"


def test_demo_accounts_without_a_device_need_no_code(client, users, settings):
    assert settings.FOURSIGHT_REQUIRE_2FA is False
    assert _sign_in(client)["Location"] == "/"
    assert client.get("/").status_code == 200
    assert client.get("/api/measures").status_code == 200


def test_an_account_with_two_factor_always_gives_a_code_even_in_the_demo(client, users, settings):
    assert settings.FOURSIGHT_REQUIRE_2FA is False
    user = users["investigator"]
    device = TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=True)

    assert _sign_in(client)["Location"] == TWO_FACTOR + "?next=%2F"
    assert client.get("/")["Location"] == TWO_FACTOR + "?next=%2F"
    assert client.get("/api/measures").status_code == 403
    assert "Enter your code" in client.get(TWO_FACTOR).content.decode()
    assert client.post(TWO_FACTOR, {"otp_token": _code(device)}).status_code == 302
    assert client.get("/").status_code == 200


def test_a_session_already_signed_in_goes_to_the_code_page(client, users, required):
    """Signing in again while waiting for a code does not skip it."""
    _sign_in(client)
    response = client.get("/sign-in/")
    assert response.status_code == 302
    assert response["Location"].startswith(TWO_FACTOR)


def test_api_tokens_are_unaffected(client, users, required):
    """Programs use bearer tokens (issued from a verified session), not sessions."""
    from foursight.access.models import APIToken

    _, raw = APIToken.issue(users["supervisor"], "nightly job")
    response = client.get("/api/measures", HTTP_AUTHORIZATION=f"Bearer {raw}")
    assert response.status_code == 200


def test_an_administrator_can_reset_a_lost_authenticator(client, users, required):
    user = users["investigator"]
    TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=True)
    admin = users["administrator"]
    client.force_login(admin)
    admin_device = TOTPDevice.objects.create(user=admin, name="Authenticator app", confirmed=True)
    client.post(TWO_FACTOR, {"otp_token": _code(admin_device)})

    response = client.post(
        "/admin/access/user/",
        {"action": "reset_two_factor", "_selected_action": [user.pk]},
    )
    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=user).exists()
    assert TOTPDevice.objects.filter(user=admin).exists()

    client.post("/sign-out/")
    _sign_in(client)
    assert "Set up two-factor sign-in" in client.get(TWO_FACTOR).content.decode()
