"""Flowplay's Python face of the workflow engine.

The engine (routing, queues, workers, collect buffers, validation, timeouts, retries, the trace) is
Flowplay's TypeScript engine; this module gives it the shape of LlamaIndex Workflows: event classes
with annotated fields, @step, Workflow, Context and the handler. Every Python event has a twin event
of the engine, made on first use, so that the engine routes by exact class and the trace carries the
same payloads as a TypeScript run. The bridge object (`_bridge`) is the JavaScript side.
"""

import annotationlib
import asyncio
import random as _random_module
import sys
import types
import typing

from pyodide.ffi import JsException, JsProxy, create_once_callable, create_proxy, jsnull, to_js

_bridge = None
_MISSING = object()

# Python objects the engine holds a twin of, by handle (the twin carries the handle).
_objects = {}
_next_handle = [0]


def _handle_in(table, value):
    """Keeps `value` in `table` under a new handle (one numbering for every table) and returns it."""
    handle = _next_handle[0] = _next_handle[0] + 1
    table[handle] = value
    return handle


def _js_value(value):
    """A Python value as the engine stores it: JSON-like JavaScript, events as their twins."""
    if isinstance(value, Event):
        return _to_js(value)
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, (list, tuple)):
        return _bridge.array([_js_value(v) for v in value])
    if isinstance(value, dict):
        return _bridge.record(to_js([[str(k), _js_value(v)] for k, v in value.items()]))
    if isinstance(value, BaseModel):
        return _kept(value, _js_value(value.model_dump()))
    return _kept(value, _bridge.record(to_js([["repr", repr(value)]])))


def _kept(value, js):
    """A model or other object the engine holds as data (its fields, or its repr) comes back as
    itself, as the library's in-memory store and `await handler` give it: the data is marked with the
    object's handle. Data the engine changed since (a dotted path set into it) comes back as a new
    model of the same class, or as data for another object."""
    return _bridge.keep_value(js, _handle_in(_objects, value))


def _py_value(value):
    """A value from the engine back in Python: twins become their Python events again, kept objects
    themselves."""
    if value is jsnull:
        return None
    if isinstance(value, JsProxy):
        if _bridge.is_event(value):
            return _from_js(value)
        kept = _bridge.kept_value(value)
        origin = _objects.get(kept[0]) if kept is not None else None
        if origin is not None and kept[1]:
            return origin
        if _bridge.is_array(value):
            return [_py_value(v) for v in value]
        data = {k: _py_value(v) for k, v in _bridge.entries(value)}
        # Changed by a dotted path (`set("user.name", ...)`): still the model it was, with the new data.
        return type(origin)(**data) if isinstance(origin, BaseModel) and not isinstance(origin, Event) else data
    return value


# ---------------------------------------------------------------------------------------------- events


class _Fields:
    """Annotated fields of an event class, inherited ones first, read without evaluating annotations."""

    @staticmethod
    def of(cls):
        fields = {}
        for klass in reversed(cls.__mro__):
            if klass is object or not issubclass(klass, BaseModel):
                continue
            annotations = annotationlib.get_annotations(klass, format=annotationlib.Format.FORWARDREF)
            for name, annotation in annotations.items():
                if name.startswith("_") or _is_class_var(annotation):
                    continue
                fields[name] = klass.__dict__.get(name, _MISSING)
        return fields


def _is_class_var(annotation):
    text = annotation if isinstance(annotation, str) else repr(annotation)
    return typing.get_origin(annotation) is typing.ClassVar or text.startswith("ClassVar") or "typing.ClassVar" in text


class ValidationError(ValueError):
    pass


class _DefaultFactory:
    """`Field(default_factory=...)`: called for each new model."""

    def __init__(self, make):
        self.make = make


def Field(default=_MISSING, *, default_factory=None, **metadata):
    """pydantic's `Field` for what a model needs here: its default or default factory (a description
    and other metadata are accepted and not used)."""
    return _DefaultFactory(default_factory) if default_factory is not None else default


def _default_value(default):
    if isinstance(default, _DefaultFactory):
        return default.make()
    # A mutable default is copied, so models do not share it.
    return type(default)(default) if isinstance(default, (list, dict, set)) else default


class BaseModel:
    """A model with annotated fields, as pydantic's (which the page has no wheel of): keyword
    construction, required fields and defaults, `model_dump`, `model_copy` and pydantic's repr. Events
    are models, and so is a typed state (`Context[MyState]`)."""

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        cls._fields = None

    def __init__(self, **data):
        fields = type(self)._field_defaults()
        missing = [name for name, default in fields.items() if default is _MISSING and name not in data]
        if missing:
            lines = "\n".join(f"{name}\n  Field required" for name in missing)
            count = len(missing)
            raise ValidationError(f"{count} validation error{'s' if count > 1 else ''} for {type(self).__name__}\n{lines}")
        object.__setattr__(self, "_data", {})
        for name, default in fields.items():
            object.__setattr__(self, name, data.pop(name) if name in data else _default_value(default))
        for name, value in data.items():
            self._data[name] = value

    def model_copy(self):
        copy = type(self).__new__(type(self))
        object.__setattr__(copy, "_data", dict(self._data))
        for name in type(self)._field_defaults():
            object.__setattr__(copy, name, getattr(self, name))
        return copy

    @classmethod
    def _field_defaults(cls):
        if cls.__dict__.get("_fields") is None:
            cls._fields = _Fields.of(cls)
        return cls._fields

    def __getattr__(self, name):
        data = object.__getattribute__(self, "_data")
        if name in data:
            return data[name]
        raise AttributeError(f"'{type(self).__name__}' object has no attribute '{name}'")

    def __setattr__(self, name, value):
        if name in type(self)._field_defaults() or name.startswith("_"):
            object.__setattr__(self, name, value)
        else:
            self._data[name] = value

    def get(self, key, default=None):
        return self.model_dump().get(key, default)

    def __getitem__(self, key):
        return self.model_dump()[key]

    def __contains__(self, key):
        return key in self.model_dump()

    def keys(self):
        return self.model_dump().keys()

    def model_dump(self):
        out = {name: getattr(self, name) for name in type(self)._field_defaults()}
        out.update(self._data)
        return out

    def dict(self):
        return self.model_dump()

    def __repr__(self):
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in type(self)._field_defaults())
        return f"{type(self).__name__}({shown})"

    def __eq__(self, other):
        return type(self) is type(other) and self.model_dump() == other.model_dump()

    __hash__ = object.__hash__


class Event(BaseModel):
    """Base of every event: a model the engine has a twin of."""

    _role = "Event"

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        cls._js_class = None

    def __init__(self, **data):
        object.__setattr__(self, "_js", None)
        super().__init__(**data)


class StartEvent(Event):
    _role = "StartEvent"

    def __repr__(self):
        shown = ", ".join(f"{k}={v!r}" for k, v in self._data.items())
        return f"StartEvent({shown})"


class StopEvent(Event):
    _role = "StopEvent"

    def __init__(self, result=None, **data):
        super().__init__(**data)
        object.__setattr__(self, "result", result)

    def model_dump(self):
        out = super().model_dump()
        out["result"] = self.result
        return out

    def __repr__(self):
        return f"{type(self).__name__}(result={self.result!r})"


class InputRequiredEvent(Event):
    _role = "InputRequiredEvent"
    prefix: str = ""


class HumanResponseEvent(Event):
    _role = "HumanResponseEvent"
    response: str = ""


class StepFailedEvent(Event):
    """What a `@catch_error` handler receives when a step has failed for good (its retries spent).
    `failed_at` is a timezone-aware UTC datetime, as the library types it, on the run's clock (see
    `_run_datetime`)."""

    _role = "StepFailedEvent"
    step_name: str = ""
    input_event: typing.Any = None
    exception: typing.Any = None
    attempts: int = 0
    elapsed_seconds: float = 0.0
    failed_at: typing.Any = None


def _run_datetime(seconds):
    """A moment of the run as a timezone-aware UTC datetime. The run's clock may be virtual and a
    replay must print what the run printed, so the moment is counted from the Unix epoch as the run's
    start: differences between two such datetimes are workflow time."""
    import datetime

    return datetime.datetime.fromtimestamp(float(seconds), tz=datetime.timezone.utc)


class RetryInfo:
    """`ctx.retry_info()`: the running attempt's retry state, with the library's fields. On the
    first attempt `retry_number` is 0, `elapsed_seconds` 0.0, and the last exception and its
    moment are None."""

    __slots__ = ("retry_number", "elapsed_seconds", "last_exception", "last_failed_at")

    def __init__(self, retry_number, elapsed_seconds, last_exception, last_failed_at):
        self.retry_number = retry_number
        self.elapsed_seconds = elapsed_seconds
        self.last_exception = last_exception
        self.last_failed_at = last_failed_at

    def __repr__(self):
        return f"RetryInfo(retry_number={self.retry_number!r}, elapsed_seconds={self.elapsed_seconds!r}, last_exception={self.last_exception!r}, last_failed_at={self.last_failed_at!r})"


_BUILTIN_EVENTS = (Event, StartEvent, StopEvent, InputRequiredEvent, HumanResponseEvent, StepFailedEvent)
for _cls in _BUILTIN_EVENTS:
    _cls._fields = None
    _cls._js_class = None


def _js_class(cls):
    """The engine's twin of a Python event class (the engine's own class for the built-ins)."""
    if not (isinstance(cls, type) and issubclass(cls, Event)):
        raise TypeError(f"{cls!r} is not an Event class")
    if cls.__dict__.get("_js_class") is None:
        if cls in _BUILTIN_EVENTS:
            cls._js_class = _bridge.builtin_event(cls._role)
        else:
            parent = next(base for base in cls.__mro__[1:] if isinstance(base, type) and issubclass(base, Event))
            cls._js_class = _bridge.define_event(cls.__name__, _js_class(parent))
        _classes_by_twin_name.setdefault(cls.__name__, cls)
    return cls._js_class


_classes_by_twin_name = {}


def _to_js(ev):
    if not isinstance(ev, Event):
        raise TypeError(f"expected an Event, got {type(ev).__name__}: {ev!r}")
    if ev._js is None:
        handle = _handle_in(_objects, ev)
        fields = ev.model_dump()
        entries = to_js([[k, _js_value(v)] for k, v in fields.items()])
        object.__setattr__(ev, "_js", _bridge.make_event(_js_class(type(ev)), entries, handle))
    return ev._js


def _from_js(js_event):
    handle = _bridge.handle_of(js_event)
    if handle is not None and handle in _objects:
        ev = _objects[handle]
        # A fork gave the twin new fields as it was emitted: the Python event takes them, in place,
        # as the engine's event did (whoever holds it sees the change, in either language).
        if _bridge.fields_replaced(js_event):
            _fill_fields(ev, js_event)
        return ev
    name = _bridge.type_name(js_event)
    cls = _classes_by_twin_name.get(name) or {c._role: c for c in _BUILTIN_EVENTS}.get(name, Event)
    ev = cls.__new__(cls)
    _fill_fields(ev, js_event)
    object.__setattr__(ev, "_js", js_event)
    handle = _handle_in(_objects, ev)
    _bridge.set_handle(js_event, handle)
    return ev


def _fill_fields(ev, js_event):
    """Sets a Python event's fields from its engine twin: declared ones (missing ones at their
    defaults), then the rest as extra fields."""
    cls = type(ev)
    data = _step_failed_fields(js_event) if cls is StepFailedEvent else {k: _py_value(v) for k, v in _bridge.entries(js_event)}
    object.__setattr__(ev, "_data", {})
    for field, default in cls._field_defaults().items():
        object.__setattr__(ev, field, data.pop(field) if field in data else None if default is _MISSING else _default_value(default))
    if issubclass(cls, StopEvent):
        object.__setattr__(ev, "result", data.pop("result", None))
    ev._data.update(data)


def _step_failed_fields(js_event):
    """The engine's StepFailedEvent in the library's words, with the failed step's own exception."""
    return {
        "step_name": js_event.stepName,
        "input_event": _py_value(js_event.inputEvent),
        "exception": _exception_of(js_event.exception),
        "attempts": js_event.attempts,
        "elapsed_seconds": float(js_event.elapsedSeconds),
        "failed_at": _run_datetime(js_event.failedAt),
    }


# ---------------------------------------------------------------------------------------------- steps


class _StepSpec:
    def __init__(self, fn, num_workers, retry_policy, catch=None):
        self.fn = fn
        self.name = fn.__name__
        self.num_workers = num_workers
        self.retry_policy = retry_policy
        # For a `@catch_error` handler: (the steps it covers or None for every other, max_recoveries).
        self.catch = catch


def catch_error(func=None, *, for_steps=None, max_recoveries=1):
    """`@catch_error` or `@catch_error(for_steps=[...], max_recoveries=n)`: the handler of the steps
    that fail for good (all those no other handler names when `for_steps` is left out). It runs one
    at a time and takes a StepFailedEvent; a function joins a workflow with `W.add_step(handler)`."""
    if not isinstance(max_recoveries, int) or isinstance(max_recoveries, bool) or max_recoveries < 1:
        raise WorkflowValidationError("@catch_error max_recoveries must be an integer >= 1")
    if for_steps is not None and not (isinstance(for_steps, list) and all(isinstance(s, str) for s in for_steps)):
        raise WorkflowValidationError("@catch_error for_steps must be None or a list of step name strings")

    def mark(inner):
        inner._flowplay_step = _StepSpec(inner, 1, None, (list(for_steps) if for_steps is not None else None, max_recoveries))
        return inner

    return mark(func) if func is not None else mark


def step(fn=None, *, workflow=None, num_workers=4, retry_policy=None):
    """`@step` or `@step(num_workers=..., retry_policy=..., workflow=...)`, as in the library."""

    def mark(func):
        if not asyncio.iscoroutinefunction(func) and not callable(func):
            raise TypeError("@step decorates functions")
        spec = _StepSpec(func, num_workers, retry_policy)
        func._flowplay_step = spec
        if workflow is not None:
            workflow.add_step(func)
        return func

    return mark(fn) if fn is not None else mark


def _annotation_types(annotation, globals_):
    """Event classes named by an annotation: unions, Optional, strings; None and non-events dropped."""
    if annotation is None or annotation is type(None):
        return []
    if isinstance(annotation, str):
        try:
            annotation = eval(annotation, globals_)
        except Exception:
            return []
    if isinstance(annotation, annotationlib.ForwardRef):
        try:
            annotation = annotationlib.call_evaluate_function(lambda: annotation.evaluate(globals=globals_), annotationlib.Format.VALUE)
        except Exception:
            return []
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType) or isinstance(annotation, types.UnionType):
        return [c for arg in typing.get_args(annotation) for c in _annotation_types(arg, globals_)]
    if origin is typing.Annotated:
        return _annotation_types(typing.get_args(annotation)[0], globals_)
    if isinstance(annotation, type) and issubclass(annotation, Event):
        return [annotation]
    return []


def _signature(spec, is_method):
    fn = spec.fn
    annotations = annotationlib.get_annotations(fn, format=annotationlib.Format.FORWARDREF)
    code = fn.__code__
    params = list(code.co_varnames[: code.co_argcount + code.co_kwonlyargcount])
    if is_method and params:
        params = params[1:]
    globals_ = fn.__globals__
    context_param = None
    event_param = None
    resources = []
    state = None
    for name in params:
        annotation = annotations.get(name)
        resource = _resource_of(annotation, globals_)
        if resource is not None:
            resources.append((name, resource))
        elif _is_context(annotation, globals_):
            context_param = name
            state = _state_class_of(annotation, globals_)
        elif event_param is None:
            event_param = (name, _annotation_types(annotation, globals_))
    accepts = event_param[1] if event_param else []
    returns = _annotation_types(annotations.get("return"), globals_)
    return context_param, event_param[0] if event_param else None, accepts, returns, resources, state


# ---------------------------------------------------------------------------------------------- resources
#
# `Annotated[T, Resource(factory)]` parameters. The engine resolves them (its cache per workflow,
# dependencies, cycles, the `resource.injected` records); each Python factory gets one engine
# factory that calls it, whose identity is the engine's cache key.


class _Resource:
    """What `Resource(factory, cache=True)` declares, as the library's `_Resource` holds it."""

    def __init__(self, factory, cache):
        if not callable(factory):
            raise TypeError(f"Resource() takes a factory function, got {type(factory).__name__}")
        import inspect

        self._factory = factory
        self._is_async = inspect.iscoroutinefunction(factory)
        self.name = getattr(factory, "__qualname__", type(factory).__name__)
        self.cache = cache

    def __repr__(self):
        return f"Resource({self.name}, cache={self.cache})"


def Resource(factory, cache=True):
    """Declares a resource for a step parameter: `memory: Annotated[Memory, Resource(get_memory)]`."""
    return _Resource(factory, cache)


def _evaluated(annotation, globals_):
    if isinstance(annotation, str):
        try:
            return eval(annotation, globals_)
        except Exception:
            return None
    if isinstance(annotation, annotationlib.ForwardRef):
        try:
            return annotationlib.call_evaluate_function(lambda: annotation.evaluate(globals=globals_), annotationlib.Format.VALUE)
        except Exception:
            return None
    return annotation


def _resource_of(annotation, globals_):
    """The Resource an `Annotated[T, Resource(factory)]` annotation declares, or None."""
    if annotation is None:
        return None
    annotation = _evaluated(annotation, globals_)
    if typing.get_origin(annotation) is typing.Annotated:
        return next((meta for meta in annotation.__metadata__ if isinstance(meta, _Resource)), None)
    return None


def _resource_params(fn):
    """A factory's own resource parameters (its dependencies), in order."""
    annotations = annotationlib.get_annotations(fn, format=annotationlib.Format.FORWARDREF)
    found = []
    for name, annotation in annotations.items():
        resource = _resource_of(annotation, getattr(fn, "__globals__", {}))
        if resource is not None and name != "return":
            found.append((name, resource))
    return found


# The engine's factory of each Python factory.
_factory_twins = {}
# What the factories made, by handle: the engine caches and hands over the handle, so no Python
# object has to live on in JavaScript as a proxy (a proxy made during a Python call dies with it).
_resource_values = {}


def _resource_handle(value):
    return _handle_in(_resource_values, value)


async def _made_later(made):
    return _resource_handle(await made)


def _resource_js(resource):
    """The engine's declaration of a Python resource: `Resource(twin, { cache })` of the engine."""
    factory = resource._factory
    twin = _factory_twins.get(factory)
    if twin is None:
        dependencies = _resource_params(factory)
        names = [name for name, _ in dependencies]

        def call(*handles):
            made = factory(**{name: _resource_values[handle] for name, handle in zip(names, handles)})
            # An async factory's coroutine runs as a task, which the engine awaits as a promise.
            return asyncio.ensure_future(_made_later(made)) if asyncio.iscoroutine(made) else _resource_handle(made)

        twin = _bridge.resource_factory(resource.name, create_proxy(call))
        # Registered before its dependencies are made, so a circle reaches the engine, which names it.
        _factory_twins[factory] = twin
        for _, dependency in dependencies:
            _bridge.add_resource_dependency(twin, _resource_js(dependency))
    return _bridge.resource(twin, resource.cache)


# ---------------------------------------------------------------------------------------------- context


class _Store:
    """`ctx.store`: the engine's store. A read or write nobody else is editing happens at once, without
    suspending the task: in asyncio, an `await` that never suspends does not let another step in."""

    def __init__(self, js_store):
        self._js = js_store

    async def get(self, path, default=_MISSING):
        return await self._get(str(path).split("."), default)

    async def set(self, path, value):
        await self._set(str(path).split("."), value)

    async def _get(self, parts, default):
        has_default = default is not _MISSING
        js_default = _js_value(default) if has_default else None
        parts = to_js(parts)
        now = self._js.getPathNow(parts, has_default, js_default)
        if now is not None and now is not jsnull:
            return _py_value(now.value)
        return _py_value(await self._js.getPath(parts, has_default, js_default))

    async def _set(self, parts, value):
        parts = to_js(parts)
        if not self._js.setPathNow(parts, _js_value(value)):
            await self._js.setPath(parts, _js_value(value))

    async def get_state(self):
        """A copy of the whole state: a model of the state's class (`Context[MyState]`), else a dict."""
        now = self._js.getStateNow()
        return _state_from_js(now if now is not None and now is not jsnull else await self._js.getState())

    async def set_state(self, state):
        js_state = _state_to_js(state)
        if not self._js.setStateNow(js_state):
            await self._js.setState(js_state)

    async def clear(self):
        await self._js.clear()

    @__import__("contextlib").asynccontextmanager
    async def edit_state(self):
        """`async with ctx.store.edit_state() as state:` the engine's editState holds the store for the
        whole block, so other steps' store calls wait: no update is lost between concurrent steps."""
        loop = asyncio.get_running_loop()
        entered = loop.create_future()
        left = loop.create_future()

        async def edit(root):
            state = _state_from_js(root)
            entered.set_result(state)
            await left
            # What the block changed goes back into the state the engine holds, even after an
            # exception: in the library the block edits the state object itself.
            _bridge.replace_fields(root, to_js([[k, _js_value(v)] for k, v in _state_fields(state).items()]))

        finished = asyncio.ensure_future(self._js.editState(create_once_callable(edit)))
        await asyncio.wait([entered, finished], return_when=asyncio.FIRST_COMPLETED)
        if not entered.done():
            # The engine refused the edit (an edit inside an edit): its error is the step's.
            await finished
        try:
            yield entered.result()
        finally:
            left.set_result(None)
            try:
                await finished
            except JsException as error:
                raise _python_error(error) from None


# The Python class of each typed state, by the name of its engine twin.
_state_classes = {}


def _state_twin(cls):
    """The engine's state class for a Python model class: made on first use; its no-argument
    constructor gives the model's defaults, as the engine expects of a state class."""
    if cls.__dict__.get("_js_state") is None:
        if cls._field_defaults() and any(default is _MISSING for default in cls._field_defaults().values()):
            raise WorkflowValidationError(f"State must have defaults for all fields: {cls.__name__} has a field without one.")
        defaults = create_proxy(lambda: to_js([[k, _js_value(v)] for k, v in _state_fields(cls()).items()]))
        cls._js_state = _bridge.define_state(cls.__name__, defaults)
        _state_classes[cls.__name__] = cls
    return cls._js_state


def _state_fields(state):
    return state.model_dump() if isinstance(state, BaseModel) else dict(state)


def _state_from_js(js_state):
    cls = _state_classes.get(_bridge.type_name(js_state))
    if cls is None:
        return _py_value(js_state)
    state = cls.__new__(cls)
    _fill_fields(state, js_state)
    return state


def _state_to_js(state):
    entries = to_js([[k, _js_value(v)] for k, v in _state_fields(state).items()])
    return _bridge.make_state(_state_twin(type(state)) if isinstance(state, BaseModel) else None, entries)


def _state_class_of(annotation, globals_):
    """The state class of a `Context[MyState]` annotation; None for a plain `Context`."""
    annotation = _evaluated(annotation, globals_)
    if typing.get_origin(annotation) is Context:
        args = typing.get_args(annotation)
        if args and isinstance(args[0], type) and issubclass(args[0], BaseModel):
            return args[0]
    return None


def _is_context(annotation, globals_):
    if annotation is Context or annotation == "Context":
        return True
    return typing.get_origin(_evaluated(annotation, globals_)) is Context


_State = typing.TypeVar("_State")


class Context(typing.Generic[_State]):
    """The step's context: the engine's Context with the library's Python names. `Context[MyState]`
    names the run's typed state."""

    def __init__(self, workflow):
        # `Context(workflow)`, as the library: a context before any run, for `run(ctx=ctx)`. The
        # runtime also wraps the engine's own contexts (a step's, a handler's) with it.
        self._js = _bridge.new_context(workflow._twin()) if isinstance(workflow, Workflow) else workflow

    @classmethod
    def from_dict(cls, workflow, data, serializer=None):
        """Restores a context saved with `to_dict()`, for `workflow.run(ctx=ctx)` to resume."""
        import json

        # Through JSON, as saved data travels: None is null there, which the engine's check expects.
        return cls(_bridge.context_from_dict(workflow._twin(), json.dumps(data)))

    def to_dict(self, serializer=None):
        """The context as JSON-safe data: the state and, while its run has not ended, the work in
        hand (a question waiting for its answer included), for `Context.from_dict` to resume."""
        return _py_value(self._js.toDict())

    def send_event(self, message, step=None):
        self._js.sendEvent(_to_js(message), step)

    def write_event_to_stream(self, ev):
        self._js.writeEventToStream(_to_js(ev))

    def collect_events(self, ev, expected, buffer_id=None):
        classes = _bridge.array([_js_class(cls) for cls in expected])
        collected = self._js.collectEvents(_to_js(ev), classes, buffer_id or "default")
        return None if collected is None or collected is jsnull else [_from_js(e) for e in collected]

    async def set(self, key, value):
        await self.store._set([key], value)

    def retry_info(self):
        """Which attempt of the step this is, and what went wrong in the one before: the engine's."""
        info = self._js.retryInfo()
        failed_at = info.lastFailedAt
        no_failure = failed_at is None or failed_at is jsnull
        return RetryInfo(
            int(info.retryNumber),
            float(info.elapsedSeconds),
            None if no_failure else _exception_of(info.lastException),
            None if no_failure else _run_datetime(failed_at),
        )

    async def get(self, key, default=_MISSING):
        return await self.store._get([key], default)

    @property
    def store(self):
        return _Store(self._js.store)

    async def wait_for_event(self, event_type, requirements=None, waiter_event=None, waiter_id=None, timeout=2000):
        options = {}
        if requirements:
            options["requirements"] = _js_value(requirements)
        if waiter_event is not None:
            options["waiterEvent"] = _to_js(waiter_event)
        if timeout is not None:
            options["timeout"] = timeout
        js_options = _bridge.record(to_js([[k, v] for k, v in options.items()]))
        return _from_js(await self._js.waitForEvent(_js_class(event_type), js_options))


# ---------------------------------------------------------------------------------------------- workflows


def _catch_js(spec):
    for_steps, max_recoveries = spec.catch
    return _bridge.record(to_js([["forSteps", None if for_steps is None else _bridge.array(for_steps)], ["maxRecoveries", max_recoveries]]))


class WorkflowRuntimeError(RuntimeError):
    pass


class WorkflowCancelledByUser(Exception):
    """What awaiting a run that was cancelled (`handler.cancel_run()`) raises, as in the library."""


class WorkflowTimeoutError(TimeoutError):
    pass


class WorkflowValidationError(ValueError):
    pass


class Workflow:
    """A workflow: its `@step` methods (and free `@step(workflow=...)` functions) on the engine."""

    def __init__(self, timeout=45.0, verbose=False, disable_validation=False, **kwargs):
        self.timeout = timeout
        self.verbose = verbose
        self.validate = not disable_validation
        # The engine's cache of this workflow's resources: one per instance, shared by its runs.
        self._resources = None

    @classmethod
    def _step_specs(cls):
        """The step methods, inherited ones included, then the free functions added to this very
        class: as in the library, where each class has its own table of them, a subclass does not
        inherit its base's."""
        found = {}
        for klass in reversed(cls.__mro__):
            for value in klass.__dict__.values():
                spec = getattr(value, "_flowplay_step", None)
                if spec is not None:
                    found[spec.name] = (spec, True)
        for spec in cls.__dict__.get("_free_steps", []):
            found[spec.name] = (spec, False)
        return list(found.values())

    @classmethod
    def add_step(cls, func):
        """Adds a `@step` function to this class (what `@step(workflow=W)` does)."""
        spec = getattr(func, "_flowplay_step", None)
        if spec is None:
            raise WorkflowValidationError(f"Step function {getattr(func, '__name__', func)!s} is missing the `@step` decorator.")
        if any(known.name == spec.name for known, _ in cls._step_specs()):
            raise WorkflowValidationError(f"A step {spec.name} is already part of this workflow, please choose another name.")
        cls._free_steps = [*cls.__dict__.get("_free_steps", []), spec]
        # An engine twin made before this step was added would not route to it.
        cls._js_workflow = None

    def _twin(self):
        cls = type(self)
        if cls.__dict__.get("_js_workflow") is None:
            specs = []
            for spec, is_method in cls._step_specs():
                context_param, event_param, accepts, returns, resources, state = _signature(spec, is_method)
                specs.append(
                    _bridge.record(
                        to_js(
                            [
                                ["name", spec.name],
                                ["accepts", _bridge.array([_js_class(c) for c in accepts])],
                                ["returns", _bridge.array([_js_class(c) for c in returns])],
                                ["numWorkers", spec.num_workers],
                                ["retryPolicy", _policy_js(spec.retry_policy)],
                                *([["catchError", _catch_js(spec)]] if spec.catch is not None else []),
                                *([["resources", _bridge.record(to_js([[param, _resource_js(r)] for param, r in resources]))]] if resources else []),
                                *([["state", _state_twin(state)]] if state is not None else []),
                            ]
                        )
                    )
                )
                cls._invokers = {**cls.__dict__.get("_invokers", {}), spec.name: (spec, is_method, context_param, event_param, [param for param, _ in resources])}
            cls._js_workflow = _bridge.define_workflow(cls.__name__, _bridge.array(specs), _invoke)
        return cls._js_workflow

    def run(self, ctx=None, start_event=None, **kwargs):
        twin = self._twin()
        start = _to_js(start_event) if start_event is not None else _bridge.record(to_js([[k, _js_value(v)] for k, v in kwargs.items()]))
        if ctx is not None:
            # The engine's `run({ ctx, startEvent?, ...fields })`: the run goes on with that context.
            start = _bridge.with_context(ctx._js, start, start_event is not None)
        if getattr(self, "_resources", None) is None:
            self._resources = _bridge.resource_manager()
        return WorkflowHandler(_bridge.run(twin, self, start, self.timeout, self.verbose, self.validate, self._resources))


# The engine's ctx of the step invocation whose task is running (tasks it starts inherit it): what the
# task prints belongs to that invocation, wherever JavaScript's own async context got lost.
_step_context = __import__("contextvars").ContextVar("flowplay_step_context", default=None)


class _Output(__import__("io").TextIOBase):
    """`sys.stdout` and `sys.stderr`: each line goes to the host with the ctx of the step printing it."""

    def __init__(self):
        self._pending = ""

    def writable(self):
        return True

    def write(self, text):
        lines = (self._pending + text).split("\n")
        self._pending = lines.pop()
        for line in lines:
            _bridge.print(line, _step_context.get())
        return len(text)

    def flush(self):
        if self._pending:
            line, self._pending = self._pending, ""
            _bridge.print(line, _step_context.get())


async def _invoke(workflow, name, js_context, js_event, failure, resource_values):
    """Runs one step invocation for the engine: the Python body, its result as the engine's event.
    A raised exception is kept for the invocation's retry policy (`failure.handle` names it), so
    retry conditions see the Python exception itself, not its JavaScript wrapper. `resource_values`
    are what the engine resolved for the step's resource parameters, in their order."""
    try:
        return await _invoke_body(workflow, name, js_context, js_event, resource_values)
    except BaseException as error:
        # The run ended under the step (a sleep it awaited was called off): handed back as the
        # engine's own error, which the engine ignores for an ended run. Raised, it would cross to
        # JavaScript as a Python error with its traceback formatted, most of a short run's end.
        if isinstance(error, JsException) and getattr(error.js_error, "name", None) == "StepCancelledError":
            return error.js_error
        failure.handle = _handle_in(_failures, error)
        raise


# Exceptions raised by step invocations, by handle, while a retry policy may still ask about them.
_failures = {}


async def _invoke_body(workflow, name, js_context, js_event, resource_values):
    _step_context.set(js_context)
    spec, is_method, context_param, event_param, resource_params = type(workflow)._invokers[name]
    kwargs = {param: _resource_values[handle] for param, handle in zip(resource_params, resource_values)} if resource_params else {}
    if context_param is not None:
        kwargs[context_param] = Context(js_context)
    if event_param is not None:
        kwargs[event_param] = _from_js(js_event)
    result = spec.fn(workflow, **kwargs) if is_method else spec.fn(**kwargs)
    if asyncio.iscoroutine(result):
        result = await result
    if result is None:
        return None
    if isinstance(result, Event):
        return _to_js(result)
    raise WorkflowRuntimeError(f"Step {name} returned {type(result).__name__} ({result!r}); a step must return an Event or None.")


class WorkflowHandler:
    """What `run()` returns: await it for the result, or iterate `stream_events()`."""

    def __init__(self, run_id):
        self._id = run_id

    @property
    def ctx(self):
        """The run's context, as its handler sees it: `to_dict()`, `send_event`, `store`."""
        return Context(_bridge.handler_ctx(self._id))

    def __await__(self):
        return self._result().__await__()

    async def _result(self):
        try:
            result = await _bridge.handler_result(self._id)
        except JsException as error:
            raise _python_error(error) from None
        return _py_value(result)

    async def stream_events(self, expose_internal=False):
        iterator = _bridge.handler_stream(self._id)
        while True:
            item = await iterator.next()
            if item.done:
                return
            yield _from_js(item.value)

    async def send_event(self, ev, step=None):
        """A coroutine, as in the library (`handler.ctx.send_event` is the plain call the docs use)."""
        _bridge.handler_send(self._id, _to_js(ev), step)

    def done(self):
        return _bridge.handler_done(self._id)

    async def cancel_run(self):
        _bridge.handler_cancel(self._id)

    def exception(self):
        """The exception the run ended with (None when it stopped), as the library's handler gives
        it; before the run has ended there is none yet, and asyncio raises InvalidStateError."""
        error = _bridge.handler_error(self._id)
        if error is None:
            raise asyncio.InvalidStateError("Exception is not set.")
        return None if error is jsnull else _python_error_of(error, None)


def _python_error(error):
    """A failed run's error as Python code expects it: the exception the step raised, itself, or the
    library's error class for the engine's own errors (a timeout is a WorkflowTimeoutError)."""
    return _python_error_of(getattr(error, "js_error", None), error)


def _python_error_of(js_error, fallback):
    """`_python_error` for the engine's error itself; `fallback` for an error it does not know (None:
    a WorkflowRuntimeError with the error's message)."""
    handle = _bridge.failure_handle(js_error) if js_error is not None else None
    if handle is not None and handle in _failures:
        return _failures[handle]
    name = getattr(js_error, "name", None)
    known = {
        "WorkflowTimeoutError": WorkflowTimeoutError,
        "WorkflowRuntimeError": WorkflowRuntimeError,
        "WorkflowValidationError": WorkflowValidationError,
        "WorkflowCancelledError": WorkflowCancelledByUser,
        # The library raises a ValueError for factories that ask for each other in a circle.
        "ResourceDependencyError": ValueError,
    }
    if name in known:
        return known[name](str(js_error.message))
    return fallback if fallback is not None else WorkflowRuntimeError(str(getattr(js_error, "message", js_error)))


# ---------------------------------------------------------------------------------------------- time and chance


async def _sleep(delay, result=None):
    """`asyncio.sleep` on the run's clock: virtual runs jump, real runs wait. A cancelled sleep (the
    step's `wait_for` or `timeout` gave up on it) is called off on the clock too."""
    slept, call_off = _bridge.cancellable_sleep(float(delay))
    try:
        await slept
    except asyncio.CancelledError:
        call_off()
        raise
    return result


class _RunRandom(_random_module.Random):
    """`random` drawing from the run's seeded generator, so a seed replays the same run."""

    def random(self):
        return _bridge.random()

    def randint(self, a, b):
        return _bridge.randint(a, b)

    def seed(self, *args, **kwargs):
        pass

    def getrandbits(self, k):
        return int(self.random() * (1 << 53)) >> max(0, 53 - k) if k <= 53 else super().getrandbits(k)


def _install_run_clock():
    """The loop's timers on the run's clock: `loop.call_later`, `call_at` and `time()`, and with them
    `asyncio.wait_for` and `asyncio.timeout`, keep workflow time (virtual runs jump) as `sleep` does.
    Callbacks due now stay on the browser's queue, which is asyncio's task order. While any is queued,
    virtual time is held: a timer that fired wakes code that must run before the next timer fires
    (a timeout's callback cancels the sleep beside it)."""
    from pyodide.webloop import WebLoop

    queue_later = WebLoop.call_later
    queued = [0]
    hold = [None]
    # Each pending timer's way to call it off on the run's clock, by the id of its handle.
    call_offs = {}

    def run_queued(handle):
        try:
            if not handle.cancelled():
                handle._run()
        finally:
            queued[0] -= 1
            if queued[0] == 0 and hold[0] is not None:
                release, hold[0] = hold[0], None
                release()

    def call_soon(loop, handle):
        queued[0] += 1
        if hold[0] is None:
            hold[0] = _bridge.hold_time()
        queue_later(loop, 0, run_queued, handle)
        return handle

    def call_later(self, delay, callback, *args, context=None):
        if delay == float("inf"):
            return queue_later(self, delay, callback, *args, context=context)
        if not delay > 0:
            return call_soon(self, asyncio.Handle(callback, args, self, context=context))
        handle = asyncio.TimerHandle(self.time() + delay, callback, args, self, context=context)
        slept, call_off = _bridge.cancellable_sleep(float(delay))
        key = id(handle)
        call_offs[key] = call_off

        def due(_=None):
            call_offs.pop(key, None)
            if not handle.cancelled():
                call_soon(self, handle)

        slept.then(create_once_callable(due), create_once_callable(lambda _error: call_offs.pop(key, None)))
        return handle

    def timer_handle_cancelled(self, handle):
        call_off = call_offs.pop(id(handle), None)
        if call_off is not None:
            call_off()

    WebLoop.call_later = call_later
    WebLoop._timer_handle_cancelled = timer_handle_cancelled
    WebLoop.time = lambda self: float(_bridge.now())


def _install_time_and_chance():
    _install_run_clock()
    asyncio.sleep = _sleep
    chance = _RunRandom()
    for name in ("random", "randint", "uniform", "choice", "choices", "shuffle", "sample", "randrange", "gauss", "getrandbits", "seed"):
        setattr(_random_module, name, getattr(chance, name))


# ---------------------------------------------------------------------------------------------- retry policies
#
# The library's retry vocabulary (tenacity's) built from the engine's own policies, so that when and
# how long to retry is decided by one implementation. What only Python can answer (is this exception
# a ValueError? what is its message?) is asked of Python by predicate.


def _exception_of(js_error):
    """The Python exception behind an engine error: kept by `_invoke`, or the error's message."""
    handle = _bridge.failure_handle(js_error)
    if handle is not None and handle in _failures:
        return _failures[handle]
    return Exception(str(getattr(js_error, "message", js_error)))


def _camel(name):
    head, *rest = name.split("_")
    return head + "".join(part.title() for part in rest)


def _js_piece(value):
    # A plain callable (a condition, wait or stop of the user's own) is called by the engine as it is.
    return value._js if isinstance(value, _RetryPiece) else create_proxy(value)


class _RetryPiece:
    """A retry condition, wait or stop condition of the engine, with Python's operators."""

    def __init__(self, js):
        self._js = js

    def __or__(self, other):
        return type(self)(getattr(self._js, "or")(_js_piece(other)))

    def __and__(self, other):
        return type(self)(getattr(self._js, "and")(_js_piece(other)))

    def __add__(self, other):
        return type(self)(self._js.plus(_js_piece(other)))

    def __radd__(self, other):
        # `sum(waits)` starts from 0.
        return self if other == 0 else _RetryPiece(_js_piece(other)).__add__(self)

    __ror__ = __or__
    __rand__ = __and__


def _engine_piece(js_name, positional=None):
    """A library piece as a call of the engine's: keyword options become its camelCase options."""

    def make(*args, **kwargs):
        if positional is not None and positional in kwargs:
            args = (kwargs.pop(positional), *args)
        js_args = [_js_piece(a) if isinstance(a, _RetryPiece) or callable(a) else a for a in args]
        if kwargs:
            js_args.append(_bridge.record(to_js([[_camel(k), v] for k, v in kwargs.items()])))
        return _RetryPiece(_bridge.retry_piece(js_name, _bridge.array(to_js(js_args))))

    make.__name__ = js_name
    return make


def _predicate(test):
    """A retry condition from a test of the Python exception."""
    return _RetryPiece(_bridge.retry_piece("retryIfException", _bridge.array([create_proxy(lambda e: bool(test(_exception_of(e))))])))


def _types(exception_types):
    return tuple(exception_types) if isinstance(exception_types, (tuple, list)) else (exception_types,)


def retry_if_exception(predicate):
    return _predicate(predicate)


def retry_if_exception_type(exception_types=Exception):
    return _predicate(lambda e: isinstance(e, _types(exception_types)))


def retry_if_not_exception_type(exception_types=Exception):
    return _predicate(lambda e: not isinstance(e, _types(exception_types)))


retry_unless_exception_type = retry_if_not_exception_type


def _message_test(name, message, match):
    import re

    if (message is None) == (match is None):
        raise TypeError(f"{name}() takes either 'message' or 'match'")
    if message is not None:
        return lambda e: str(e) == message
    pattern = re.compile(match) if isinstance(match, str) else match
    return lambda e: pattern.search(str(e)) is not None


def retry_if_exception_message(message=None, match=None):
    return _predicate(_message_test("retry_if_exception_message", message, match))


def retry_if_not_exception_message(message=None, match=None):
    test = _message_test("retry_if_not_exception_message", message, match)
    return _predicate(lambda e: not test(e))


def retry_if_exception_cause_type(exception_types=Exception):
    def test(error):
        cause = error.__cause__
        while cause is not None:
            if isinstance(cause, _types(exception_types)):
                return True
            cause = cause.__cause__
        return False

    return _predicate(test)


_RETRY_PIECES = {
    "retry_any": _engine_piece("retryAny"),
    "retry_all": _engine_piece("retryAll"),
    "retry_always": _engine_piece("retryAlways"),
    "retry_never": _engine_piece("retryNever"),
    "wait_fixed": _engine_piece("waitFixed", "wait"),
    "wait_none": _engine_piece("waitNone"),
    "wait_exponential": _engine_piece("waitExponential"),
    "wait_incrementing": _engine_piece("waitIncrementing"),
    "wait_random": _engine_piece("waitRandom"),
    "wait_exponential_jitter": _engine_piece("waitExponentialJitter"),
    "wait_random_exponential": _engine_piece("waitRandomExponential"),
    "wait_full_jitter": _engine_piece("waitFullJitter"),
    "wait_chain": _engine_piece("waitChain"),
    "wait_combine": _engine_piece("waitCombine"),
    "stop_after_attempt": _engine_piece("stopAfterAttempt", "max_attempt_number"),
    "stop_after_delay": _engine_piece("stopAfterDelay", "max_delay"),
    "stop_before_delay": _engine_piece("stopBeforeDelay", "max_delay"),
    "stop_any": _engine_piece("stopAny"),
    "stop_all": _engine_piece("stopAll"),
    "stop_never": _engine_piece("stopNever"),
}


class RetryPolicy:
    """What a policy is: `next(elapsed_time, attempts, error, seed=None)` gives the delay, or None to stop."""

    def next(self, elapsed_time, attempts, error, seed=None):
        raise NotImplementedError


class _EnginePolicy(RetryPolicy):
    def __init__(self, js):
        self._js = js

    def next(self, elapsed_time, attempts, error, seed=None):
        delay = self._js.next(elapsed_time, attempts, _bridge.error_of(error), _bridge.record(to_js([["seed", seed]])))
        return None if delay is None or delay is jsnull else delay


def retry_policy(retry=None, wait=None, stop=None):
    options = [["retry", _js_piece(retry) if retry is not None else None]]
    if wait is not None:
        options.append(["wait", _js_piece(wait)])
    if stop is not None:
        options.append(["stop", _js_piece(stop)])
    return _EnginePolicy(_bridge.retry_piece("retryPolicy", _bridge.array([_bridge.record(to_js(options))])))


def ConstantDelayRetryPolicy(maximum_attempts=3, delay=5):
    import warnings

    warnings.warn("ConstantDelayRetryPolicy is deprecated, use retry_policy(wait=wait_fixed(delay), stop=stop_after_attempt(n)) instead", DeprecationWarning, stacklevel=2)
    return retry_policy(wait=_RETRY_PIECES["wait_fixed"](delay), stop=_RETRY_PIECES["stop_after_attempt"](maximum_attempts))


def ExponentialBackoffRetryPolicy(maximum_attempts=5, initial_delay=1.0, multiplier=2.0, max_delay=60.0, jitter=True):
    import warnings

    warnings.warn("ExponentialBackoffRetryPolicy is deprecated, use retry_policy(wait=wait_exponential(...), stop=stop_after_attempt(n)) instead", DeprecationWarning, stacklevel=2)
    wait = _RETRY_PIECES["wait_random_exponential" if jitter else "wait_exponential"](multiplier=initial_delay, exp_base=multiplier, max=max_delay)
    return retry_policy(wait=wait, stop=_RETRY_PIECES["stop_after_attempt"](maximum_attempts))


def _policy_js(policy):
    """A step's `retry_policy=` for the engine: the engine's own policy, or a Python one asked by call."""
    if policy is None:
        return None
    if isinstance(policy, _EnginePolicy):
        return policy._js
    if not callable(getattr(policy, "next", None)):
        raise TypeError(f"retry_policy must have a next(elapsed_time, attempts, error) method, got {policy!r}")
    import inspect

    takes_seed = "seed" in inspect.signature(policy.next).parameters

    def ask(elapsed_time, attempts, js_error, seed):
        error = _exception_of(js_error)
        seed = None if seed is jsnull else seed
        return policy.next(elapsed_time, attempts, error, seed=seed) if takes_seed else policy.next(elapsed_time, attempts, error)

    return _bridge.python_policy(create_proxy(ask))


# ---------------------------------------------------------------------------------------------- modules


def _serve_modules(served):
    """Builds the modules the playground serves (`llama_index.core.workflow`, `workflows`, ...)."""
    names = {
        "Context": Context,
        "Event": Event,
        "StartEvent": StartEvent,
        "StopEvent": StopEvent,
        "InputRequiredEvent": InputRequiredEvent,
        "HumanResponseEvent": HumanResponseEvent,
        "Workflow": Workflow,
        "step": step,
        "catch_error": catch_error,
        "StepFailedEvent": StepFailedEvent,
        "Resource": Resource,
        "BaseModel": BaseModel,
        "Field": Field,
        "WorkflowTimeoutError": WorkflowTimeoutError,
        "WorkflowRuntimeError": WorkflowRuntimeError,
        "WorkflowValidationError": WorkflowValidationError,
        "WorkflowCancelledByUser": WorkflowCancelledByUser,
        "RetryPolicy": RetryPolicy,
        "RetryInfo": RetryInfo,
        "retry_policy": retry_policy,
        "ConstantDelayRetryPolicy": ConstantDelayRetryPolicy,
        "ExponentialBackoffRetryPolicy": ExponentialBackoffRetryPolicy,
        "retry_if_exception": retry_if_exception,
        "retry_if_exception_type": retry_if_exception_type,
        "retry_if_not_exception_type": retry_if_not_exception_type,
        "retry_unless_exception_type": retry_unless_exception_type,
        "retry_if_exception_message": retry_if_exception_message,
        "retry_if_not_exception_message": retry_if_not_exception_message,
        "retry_if_exception_cause_type": retry_if_exception_cause_type,
        **_RETRY_PIECES,
    }
    for path, exports in served.items():
        parts = path.split(".")
        for depth in range(1, len(parts) + 1):
            name = ".".join(parts[:depth])
            if name not in sys.modules:
                module = types.ModuleType(name)
                module.__path__ = []
                sys.modules[name] = module
                if depth > 1:
                    setattr(sys.modules[".".join(parts[: depth - 1])], parts[depth - 1], module)
        module = sys.modules[path]
        for export in exports:
            setattr(module, export, names[export])


def install(bridge, served, sentence):
    global _bridge
    _bridge = bridge
    _serve_modules({k: list(v) for k, v in served.to_py().items()})
    _install_time_and_chance()
    sys.meta_path.append(_UnavailableFinder(sentence))
    sys.stdout = _Output()


class _UnavailableFinder:
    def __init__(self, sentence):
        self.sentence = sentence

    def find_spec(self, fullname, path=None, target=None):
        raise ModuleNotFoundError(f"No module named '{fullname}' here: {self.sentence}.", name=fullname)


# ---------------------------------------------------------------------------------------------- running a file


class _AsyncioRunAsAwait(__import__("ast").NodeTransformer):
    """`asyncio.run(main())` at the top of a script becomes `await main()`: the page's loop is already
    running (a browser cannot block), so the script's coroutine runs on it, with its line numbers."""

    def visit_Call(self, node):
        import ast

        self.generic_visit(node)
        func = node.func
        if (
            isinstance(func, ast.Attribute)
            and func.attr == "run"
            and isinstance(func.value, ast.Name)
            and func.value.id == "asyncio"
            and len(node.args) == 1
        ):
            return ast.copy_location(ast.Await(value=node.args[0]), node)
        return node

    def visit_FunctionDef(self, node):
        return node

    visit_AsyncFunctionDef = visit_FunctionDef
    visit_Lambda = visit_FunctionDef


async def run_source(source, filename):
    """Runs a workflow file as a notebook cell: top-level await works; returns its Workflow classes."""
    import ast
    import linecache

    # Tracebacks show the user's lines: the file is not on Python's file system, so cache its text.
    linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
    tree = _AsyncioRunAsAwait().visit(ast.parse(source, filename))
    ast.fix_missing_locations(tree)
    code = compile(tree, filename, "exec", flags=ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)
    namespace = {"__name__": "__main__", "__file__": filename}
    result = eval(code, namespace)
    if asyncio.iscoroutine(result):
        await result
    return [
        value
        for value in namespace.values()
        if isinstance(value, type) and issubclass(value, Workflow) and value is not Workflow and value.__module__ == "__main__"
    ]


async def run_only_workflow(classes, input_entries):
    """Like a notebook cell that only defines a workflow: start it with the input and print the result."""
    if len(classes) != 1:
        return
    result = await classes[0]().run(**{k: _py_value(v) for k, v in input_entries})
    print(result)
