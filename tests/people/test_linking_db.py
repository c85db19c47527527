"""The Django side of linkage: a model saved by an earlier release is retrained, not trusted."""

import json

import pytest

from foursight.linkage import default_model
from foursight.people.linking import _model
from foursight.people.models import LinkageModelVersion

pytestmark = pytest.mark.django_db


def test_a_model_from_an_earlier_design_is_retrained(system_user):
    stale = json.loads(default_model().to_json())
    stale["design"] = "foursight-linkage/0"
    LinkageModelVersion.objects.create(
        version="old", trained_by=system_user, model=json.dumps(stale), mentions_trained_on=10
    )
    model, version = _model(system_user, [], retrain=False)
    assert version.version != "old" and version.active
    assert model.design == default_model().design
    assert not LinkageModelVersion.objects.get(version="old").active
