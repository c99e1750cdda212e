"""A cheaper `to_representation` for wide read-only serializers, with the declared fields kept as they are.

DRF serializes every row by walking the serializer's bound fields: a generator over a deep copy of them, for each
field `get_attribute` (an ABC check for mappings, a callable check on every value), a `PKOnlyObject` check and
the field's `to_representation`, and for each nested serializer the same again: for a page of 50 practices,
pledges or reviews 3.5–7 ms of CPU, 15–25% of an uncached API request's. `FastRepresentation` compiles the declared
fields once per serializer class and instance type into a list of (name, getter, converter) and builds each row's
dict from it (1–2 ms a page); the declared
fields stay the single description of the output (drf-spectacular reads them for the schema, and the plan is made
from them, so a field added, removed, renamed or reordered is served the same way on both paths).

Each converter is what the field's own `to_representation` does, exactly, for the value types a database row
gives (`int`, `str`, `bool`, `date`, aware `datetime`), and otherwise the field's own method. A serializer
holding a field type not listed in `_converter` (or a nested serializer with its own `to_representation`, or
with method fields), or whose fields are not simply the declared ones (`get_fields` overridden, fields changed on
the instance), is served by DRF's `to_representation` unchanged. Values are taken as the row holds them: a value
that is itself a callable is called by DRF only when met through a dotted source or named on the model class.
tests/api/test_representation.py checks both paths give the same output.
"""

import datetime
from collections.abc import Mapping
from operator import attrgetter, itemgetter

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist
from django.core.signals import setting_changed
from django.db.models import Model
from django.db.models.manager import BaseManager
from django.utils import timezone
from rest_framework import ISO_8601, fields, serializers
from rest_framework.fields import empty, get_attribute
from rest_framework.settings import api_settings

_SERVED_BY_DRF = object()
_SKIP = object()
_recipes = {}  # serializer class -> [(name, field, converter or None for a method field)] or _SERVED_BY_DRF
_plans = {}  # (serializer class, instance type) -> [(name, getter, converter, when missing)] or _SERVED_BY_DRF


# Mixin for a `serializers.Serializer`: the same representation as DRF's, built from a compiled plan. No docstring:
# drf-spectacular would take it as the description of every serializer using the mixin.
class FastRepresentation:
    def to_representation(self, instance):
        plan = _plans.get((type(self), type(instance)))
        if plan is None:
            plan = _plan(type(self), type(instance))
        if plan is _SERVED_BY_DRF or "fields" in self.__dict__ or self.root.partial:
            # Fields read (and perhaps changed) on this instance, or a partial serializer (which skips defaults):
            # DRF walks them as they are now.
            return super().to_representation(instance)
        return _represent(plan, instance, self)


def _represent(plan, instance, serializer):
    ret = {}
    for name, get, convert, missing in plan:
        if get is None:  # a SerializerMethodField: the method receives the instance itself
            ret[name] = getattr(serializer, convert)(instance)
            continue
        try:
            value = get(instance)
        except ObjectDoesNotExist:
            value = None  # as DRF's lookup gives
        except (KeyError, AttributeError):
            value = missing(instance)
            if value is _SKIP:
                continue
        ret[name] = None if value is None else convert(value)
    return ret


def _plan(serializer_class, instance_type):
    recipe = _recipe(serializer_class)
    if recipe is _SERVED_BY_DRF:
        plan = _SERVED_BY_DRF
    else:
        plan = [(name, None, field.method_name, None) if convert is None
                else (name, _getter(field.source_attrs, instance_type), convert, _when_missing(field))
                for name, field, convert in recipe]
    _plans[serializer_class, instance_type] = plan
    return plan


def _recipe(serializer_class):
    """[(name, bound field, converter)] of the readable fields, or _SERVED_BY_DRF."""
    if serializer_class not in _recipes:
        recipe = []
        if serializer_class.get_fields is not serializers.Serializer.get_fields \
                or serializer_class._readable_fields is not serializers.Serializer._readable_fields:
            _recipes[serializer_class] = _SERVED_BY_DRF
            return _SERVED_BY_DRF
        for name, field in serializer_class().fields.items():
            if field.write_only:
                continue
            convert = None if type(field) is fields.SerializerMethodField else _converter(field)
            if convert is _SERVED_BY_DRF or (callable(field.default) and field.default is not empty):
                recipe = _SERVED_BY_DRF
                break
            recipe.append((name, field, convert))
        _recipes[serializer_class] = recipe
    return _recipes[serializer_class]


def _getter(source_attrs, instance_type):
    """What `fields.get_attribute(instance, source_attrs)` returns, for instances of `instance_type`."""
    if len(source_attrs) == 1:
        attr = source_attrs[0]
        if issubclass(instance_type, Mapping):
            return itemgetter(attr)
        if not callable(getattr(instance_type, attr, None)):  # a method or class would be called by DRF
            return attrgetter(attr)
    return _dotted(source_attrs)


def _dotted(source_attrs):
    """`a.b` read through plain dicts, model instances and None (which has no attribute: the value is missing);
    anything else, or a callable met on the way, is read by DRF's own lookup."""

    def get(instance):
        value = instance
        for attr in source_attrs:
            if type(value) is dict:
                value = value[attr]
            elif value is None or isinstance(value, Model):
                value = getattr(value, attr)
            else:
                return get_attribute(instance, source_attrs)
            if callable(value):
                return get_attribute(instance, source_attrs)
        return value

    return get


def _when_missing(field):
    """What Field.get_attribute gives when the lookup raises KeyError or AttributeError: the default, None for a
    nullable field, nothing (_SKIP) for an optional one, else DRF's own error (by running its lookup)."""
    if field.default is not empty:
        default = field.default
        return lambda instance: default
    if field.allow_null:
        return lambda instance: None
    if not field.required:
        return lambda instance: _SKIP
    return field.get_attribute


def _converter(field):
    """A function doing what `field.to_representation` does with a value that is not None, or _SERVED_BY_DRF."""
    kind = type(field)
    if kind is fields.IntegerField:
        return int  # IntegerField.to_representation is int(value)
    if kind is fields.CharField:
        return str  # CharField.to_representation is str(value)
    if kind is fields.BooleanField:
        return lambda value: value if value is True or value is False else field.to_representation(value)
    if kind is fields.DateField and getattr(field, "format", api_settings.DATE_FORMAT) == ISO_8601:
        return lambda value: value.isoformat() if type(value) is datetime.date else field.to_representation(value)
    if kind is fields.DateTimeField and getattr(field, "format", api_settings.DATETIME_FORMAT) == ISO_8601 \
            and not hasattr(field, "timezone"):
        return _datetime_converter(field)
    if kind is fields.DecimalField:
        return field.to_representation
    if kind is fields.ListField:
        child = _converter(field.child)
        if child is _SERVED_BY_DRF:
            return child
        return lambda value: [child(item) if item is not None else None for item in value]
    if isinstance(field, serializers.ListSerializer) and type(field) is serializers.ListSerializer:
        child = _nested(field.child)
        if child is _SERVED_BY_DRF:
            return child
        return lambda value: [child(item) for item in (value.all() if isinstance(value, BaseManager) else value)]
    if isinstance(field, serializers.Serializer):
        return _nested(field)
    return _SERVED_BY_DRF


def _nested(nested):
    """The representation of a nested serializer (no method fields: those need the bound nested instance), made
    from its class's recipe when the nested instance has that class's fields."""
    serializer_class = type(nested)
    if serializer_class.to_representation not in (serializers.Serializer.to_representation,
                                                  FastRepresentation.to_representation):
        return _SERVED_BY_DRF
    recipe = _recipe(serializer_class)
    if recipe is _SERVED_BY_DRF or any(convert is None for _, _, convert in recipe) \
            or [name for name, _, _ in recipe] != [n for n, f in nested.fields.items() if not f.write_only]:
        return _SERVED_BY_DRF

    def represent(instance):
        plan = _plans.get((serializer_class, type(instance))) or _plan(serializer_class, type(instance))
        return _represent(plan, instance, None)

    return represent


def _datetime_converter(field):
    """DateTimeField.to_representation (ISO 8601, in the current time zone, "+00:00" written "Z")."""

    def convert(value):
        if type(value) is datetime.datetime and settings.USE_TZ and value.utcoffset() is not None:
            try:
                text = value.astimezone(timezone.get_current_timezone()).isoformat()
            except OverflowError:
                return field.to_representation(value)
            return text[:-6] + "Z" if text.endswith("+00:00") else text
        return field.to_representation(value)

    return convert


def _forget(*, setting, **kwargs):
    """Formats come from REST_FRAMEWORK (read when compiling): a test that overrides it gets fresh plans."""
    if setting == "REST_FRAMEWORK":
        _recipes.clear()
        _plans.clear()


setting_changed.connect(_forget)
