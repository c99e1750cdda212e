"""What the public API shows of each published thing. Only public fields: no e-mail addresses, no people behind a
submission or a review, no moderation notes, no partner that has not confirmed. The `api_*` lists of practices,
pledges and reviews are read by api/relations.py (one query per relation for a whole page)."""

from django.utils import translation
from django_countries import countries
from rest_framework import serializers

from gcm.models import Cycle, MemberState, Objective, Principle, RoundTable
from pledges.enums import PledgeStatus
from practices.enums import Criterion

from .representation import FastRepresentation


class CycleSerializer(serializers.ModelSerializer):
    code = serializers.CharField(read_only=True)

    class Meta:
        model = Cycle
        fields = ["year", "code", "forum_start", "forum_end", "hearing_date", "review_deadline", "pledge_deadline",
                  "venue", "convened_by", "is_active"]


class RoundTableSerializer(serializers.ModelSerializer):
    titles = serializers.DictField(child=serializers.CharField())
    objectives = serializers.SerializerMethodField()

    class Meta:
        model = RoundTable
        fields = ["number", "titles", "objectives"]

    def get_objectives(self, obj) -> list[int]:
        return [o.number for o in obj.objectives.all()]


class ObjectiveSerializer(serializers.ModelSerializer):
    short_titles = serializers.DictField(child=serializers.CharField())
    titles = serializers.DictField(child=serializers.CharField())
    round_table = serializers.IntegerField(source="round_table.number")

    class Meta:
        model = Objective
        fields = ["number", "short_titles", "titles", "round_table"]


class PrincipleSerializer(serializers.ModelSerializer):
    titles = serializers.DictField(child=serializers.CharField())

    class Meta:
        model = Principle
        fields = ["slug", "position", "titles"]


class MemberStateSerializer(serializers.ModelSerializer):
    name = serializers.SerializerMethodField()

    class Meta:
        model = MemberState
        fields = ["iso3", "iso2", "m49", "name", "region", "subregion", "regional_commission", "status",
                  "is_champion"]

    def get_name(self, obj) -> str:
        with translation.override("en"):
            return str(countries.name(obj.iso2)) or obj.iso3


def _numbers(related) -> list[int]:
    return [o.number for o in related.all()]


class OrganizationRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    acronym = serializers.CharField()
    category = serializers.CharField()


class ObjectiveEntrySerializer(serializers.Serializer):
    objective = serializers.IntegerField(source="objective.number")
    progress = serializers.CharField()
    challenges = serializers.CharField()
    good_practices = serializers.CharField()
    support_needed = serializers.CharField()


class ReviewSerializer(FastRepresentation, serializers.Serializer):
    id = serializers.IntegerField()
    cycle = serializers.IntegerField(source="cycle.year")
    member_state = serializers.CharField(source="member_state.iso3")
    language = serializers.CharField()
    published_at = serializers.DateTimeField(allow_null=True)
    government_bodies = serializers.CharField()
    stakeholders_consulted = serializers.ListField(child=serializers.CharField())
    consultation_process = serializers.CharField()
    policy_environment = serializers.CharField()
    institutional_arrangements = serializers.CharField()
    principles = serializers.SerializerMethodField()
    principles_narrative = serializers.CharField()
    means_of_implementation = serializers.CharField()
    partnerships = serializers.CharField()
    next_steps = serializers.CharField()
    entries = ObjectiveEntrySerializer(many=True, source="api_entries")

    def get_principles(self, obj) -> list[str]:
        return obj.api_principles


NARRATIVE_ATTRIBUTES = tuple((c.value, f"narrative_{c.value}") for c in Criterion)


class PracticeSerializer(FastRepresentation, serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    summary = serializers.CharField()
    description = serializers.CharField()
    results = serializers.CharField()
    narratives = serializers.SerializerMethodField()
    links = serializers.SerializerMethodField()
    language = serializers.CharField()
    submitting_organization = OrganizationRefSerializer(source="organization", allow_null=True)
    submitting_state = serializers.CharField(source="member_state.iso3", allow_null=True, default=None)
    partners = OrganizationRefSerializer(many=True, source="api_partners")
    countries = serializers.SerializerMethodField()
    is_global = serializers.BooleanField()
    region = serializers.CharField()
    objectives = serializers.SerializerMethodField()
    primary_objective = serializers.IntegerField(source="primary_objective.number", allow_null=True, default=None)
    principles = serializers.SerializerMethodField()
    themes = serializers.SerializerMethodField()
    start_date = serializers.DateField(allow_null=True)
    end_date = serializers.DateField(allow_null=True)
    implementation_status = serializers.CharField()
    published_at = serializers.DateTimeField(allow_null=True)

    def get_narratives(self, obj) -> dict[str, str]:
        return {criterion: getattr(obj, attr) for criterion, attr in NARRATIVE_ATTRIBUTES}

    def get_links(self, obj) -> list[str]:
        return obj.link_list()

    def get_countries(self, obj) -> list[str]:
        return obj.api_countries

    def get_objectives(self, obj) -> list[int]:
        return obj.api_objectives

    def get_principles(self, obj) -> list[str]:
        return obj.api_principles

    def get_themes(self, obj) -> list[str]:
        return obj.api_theme_rows


class PledgePartnerSerializer(serializers.Serializer):
    member_state = serializers.CharField(source="member_state.iso3", allow_null=True, default=None)
    organization = OrganizationRefSerializer(allow_null=True)


class ProgressUpdateSerializer(serializers.Serializer):
    progress = serializers.CharField()
    narrative = serializers.CharField()
    date = serializers.DateField()
    evidence_url = serializers.CharField()
    language = serializers.CharField()


class PledgeSerializer(FastRepresentation, serializers.Serializer):
    id = serializers.IntegerField()
    reference = serializers.CharField(allow_null=True)
    cycle = serializers.IntegerField(source="cycle.year")
    title = serializers.CharField()
    narrative = serializers.CharField()
    language = serializers.CharField()
    member_state = serializers.CharField(source="member_state.iso3", allow_null=True, default=None)
    organization = OrganizationRefSerializer(allow_null=True)
    types = serializers.ListField(child=serializers.CharField())
    scope = serializers.CharField()
    objectives = serializers.SerializerMethodField()
    principles = serializers.SerializerMethodField()
    countries = serializers.SerializerMethodField()
    start_date = serializers.DateField(allow_null=True)
    target_date = serializers.DateField(allow_null=True)
    amount = serializers.DecimalField(max_digits=16, decimal_places=2, allow_null=True, coerce_to_string=True)
    currency = serializers.CharField()
    to_mptf = serializers.BooleanField()
    matches = serializers.SerializerMethodField()
    is_joint = serializers.BooleanField()
    partners = PledgePartnerSerializer(many=True, source="api_partners")
    progress_status = serializers.CharField()
    is_inactive = serializers.BooleanField()
    last_progress_at = serializers.DateTimeField(allow_null=True)
    published_at = serializers.DateTimeField(allow_null=True)
    updates = ProgressUpdateSerializer(many=True, source="api_updates")

    def get_objectives(self, obj) -> list[int]:
        return obj.api_objectives

    def get_principles(self, obj) -> list[str]:
        return obj.api_principles

    def get_countries(self, obj) -> list[str]:
        return obj.api_countries

    def get_matches(self, obj) -> int | None:
        """The matched pledge's id, only when that pledge is published too."""
        match = obj.matches
        return match.pk if match is not None and match.status == PledgeStatus.PUBLISHED else None


class MaterialSerializer(serializers.Serializer):
    title = serializers.CharField()
    url = serializers.SerializerMethodField()
    language = serializers.CharField()

    def get_url(self, obj) -> str:
        request = self.context.get("request")
        href = obj.href
        return request.build_absolute_uri(href) if request and obj.file else href


class DialogueSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    cycle = serializers.IntegerField(source="cycle.year")
    kind = serializers.CharField()
    title = serializers.CharField()
    language = serializers.CharField()
    description = serializers.CharField()
    starts_at = serializers.DateTimeField()
    ends_at = serializers.DateTimeField()
    is_online = serializers.BooleanField()
    location = serializers.CharField()
    region = serializers.CharField()
    round_tables = serializers.SerializerMethodField()
    objectives = serializers.SerializerMethodField()
    recording_url = serializers.CharField()
    materials = MaterialSerializer(many=True)
    published_contribution_count = serializers.IntegerField()

    def get_round_tables(self, obj) -> list[int]:
        return _numbers(obj.round_tables)

    def get_objectives(self, obj) -> list[int]:
        return _numbers(obj.objectives)


class ContributionSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    dialogue = serializers.IntegerField(source="dialogue_id")
    round_table = serializers.IntegerField(source="round_table.number", allow_null=True, default=None)
    author_name = serializers.SerializerMethodField()
    text = serializers.CharField()
    language = serializers.CharField()
    submitted_at = serializers.DateTimeField(source="created_at")
    published_at = serializers.DateTimeField(source="decided_at", allow_null=True)

    def get_author_name(self, obj) -> str:
        """The name shown next to it on the site, never the e-mail address."""
        from dialogues.templatetags.dialogues_tags import public_name

        return str(public_name(obj.author))
