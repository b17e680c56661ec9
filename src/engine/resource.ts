/**
 * Resources: values a step receives from a factory instead of building them itself (a client, a
 * memory, a connection), as the library's `Annotated[T, Resource(factory)]` gives them.
 *
 * In TypeScript a resource is a parameter after the event whose default is `Resource(factory)`:
 * `async answer(ev: Question, memory = Resource(getMemory))`. The parameter's type is the factory's
 * result, so the editor checks its use; the engine passes the value in, so the default itself is
 * never evaluated inside a step. A factory asks for other resources the same way, with defaults of
 * its own parameters; the engine calls it with no arguments, and each `Resource(dep)` default reads
 * the dependency's value from the resolution in progress. A dependency not resolved yet stops the
 * call before the factory's body runs (defaults are evaluated before the body), the engine resolves
 * it, and calls the factory again: its body runs exactly once.
 */

/** A factory: sync or async, with no arguments of its own (dependencies come from defaults). */
export type ResourceFactory<T = unknown> = () => T | PromiseLike<T>;

export interface ResourceOptions {
  /** Reuse one value for the workflow's runs and steps (default true); false calls the factory per step. */
  cache?: boolean;
}

const DESCRIPTOR = Symbol('flowplay.resource');

/** What `Resource(factory)` really returns: the declaration, read by the engine. */
export interface ResourceDescriptor<T = unknown> {
  readonly [DESCRIPTOR]: true;
  readonly factory: ResourceFactory<T>;
  /** The factory's name: what the trace, the graph and error messages call the resource. */
  readonly name: string;
  readonly cache: boolean;
}

export function isResourceDescriptor(value: unknown): value is ResourceDescriptor {
  return typeof value === 'object' && value !== null && (value as { [DESCRIPTOR]?: unknown })[DESCRIPTOR] === true;
}

/** Factories that ask for each other in a circle: named, so a host can raise its own language's error for it. */
export class ResourceDependencyError extends Error {
  override name = 'ResourceDependencyError';
}

/** Thrown from a factory's parameter defaults when a dependency is not resolved yet; never seen by users. */
class NeedsResource {
  constructor(readonly descriptor: ResourceDescriptor) {}
}

/** The resolution whose factory is being called right now (its defaults run synchronously). */
let resolving: Resolution | null = null;

/**
 * Declares a resource for a step or factory parameter's default. Typed as the factory's result so the
 * parameter gets that type; what it returns is a declaration the engine resolves.
 * @example
 * const getMemory = () => new Memory();
 * class Chat extends Workflow {
 *   @step() async answer(ev: StartEvent, memory = Resource(getMemory)): Promise<StopEvent> {
 *     memory.put(ev.text);
 *     return new StopEvent({ result: memory.size });
 *   }
 * }
 */
export function Resource<T>(factory: ResourceFactory<T>, options: ResourceOptions = {}): Awaited<T> {
  if (typeof factory !== 'function') throw new TypeError(`Resource() takes a factory function, got ${factory === null ? 'null' : typeof factory}.`);
  const descriptor: ResourceDescriptor<T> = { [DESCRIPTOR]: true, factory, name: factory.name || 'anonymous', cache: options.cache ?? true };
  if (resolving) {
    // A factory's parameter default: hand over the dependency's value, or ask for it first.
    const known = resolving.known(descriptor);
    if (known.found) return known.value as Awaited<T>;
    throw new NeedsResource(descriptor);
  }
  return descriptor as unknown as Awaited<T>;
}

/** One value a factory produced: `instance` numbers the factory's calls within its manager (1, 2, …). */
export interface ResourceInstance {
  readonly name: string;
  readonly instance: number;
  readonly value: unknown;
}

/** What a step got for one of its resource parameters. */
export interface ResolvedResource extends ResourceInstance {
  /** The factory ran for this step (false: the value came from the cache). */
  readonly created: boolean;
}

/**
 * Caches resource values for one workflow (the library keeps one manager per workflow instance, so a
 * cached value is shared by its runs). Pass one to several workflows with the `resourceManager` option
 * to share values between them.
 */
export class ResourceManager {
  private readonly cached = new Map<ResourceFactory, ResourceInstance>();
  /** Values set by hand, by name, as the library's `set(name, value)`. */
  private readonly named = new Map<string, unknown>();
  private readonly calls = new Map<string, number>();

  /** Sets a value that a cached resource of that name resolves to. */
  async set(name: string, value: unknown): Promise<void> {
    this.named.set(name, value);
  }

  /** Resolves one resource on its own (a new resolution scope). */
  async get(resource: unknown): Promise<unknown> {
    return (await new Resolution(this).resolve(descriptorOf(resource), true)).value;
  }

  /** Every cached value by resource name. */
  getAll(): Record<string, unknown> {
    const all: Record<string, unknown> = Object.fromEntries(this.named);
    for (const entry of this.cached.values()) all[entry.name] = entry.value;
    return all;
  }

  /** @internal The cached value of this declaration, if any. */
  cachedValue(descriptor: ResourceDescriptor): ResourceInstance | undefined {
    if (!descriptor.cache) return undefined;
    const entry = this.cached.get(descriptor.factory);
    if (entry) return entry;
    if (this.named.has(descriptor.name)) return { name: descriptor.name, instance: 0, value: this.named.get(descriptor.name) };
    return undefined;
  }

  /** @internal */
  remember(descriptor: ResourceDescriptor, entry: ResourceInstance): void {
    if (descriptor.cache) this.cached.set(descriptor.factory, entry);
  }

  /** @internal The next instance number of the resource `name`. */
  nextInstance(name: string): number {
    const n = (this.calls.get(name) ?? 0) + 1;
    this.calls.set(name, n);
    return n;
  }
}

function descriptorOf(resource: unknown): ResourceDescriptor {
  if (!isResourceDescriptor(resource)) throw new TypeError('Expected a resource declared with Resource(factory).');
  return resource;
}

/**
 * One dependency graph being resolved (a step's resources, or one `get`): a resource that is not
 * cached is still made once within it, as in the library, and a cycle is reported with its chain.
 */
export class Resolution {
  private readonly scoped = new Map<ResourceFactory, ResourceInstance>();
  private readonly chain: ResourceDescriptor[] = [];

  /**
   * `inFrame` calls a factory as part of the step invocation it resolves for, so that `sleep`,
   * `random` and console output inside a factory belong to that invocation even after an await.
   */
  constructor(
    private readonly manager: ResourceManager,
    private readonly inFrame: (call: () => unknown) => unknown = (call) => call(),
  ) {}

  known(descriptor: ResourceDescriptor): { found: true; value: unknown } | { found: false } {
    const entry = this.manager.cachedValue(descriptor) ?? this.scoped.get(descriptor.factory);
    return entry ? { found: true, value: entry.value } : { found: false };
  }

  /**
   * A factory that returns a plain value is called and cached before this returns, with no await in
   * between: invocations that start at the same moment then share one cached value, as they do in the
   * library, where calling a sync factory never yields. Only an async factory's await lets another
   * resolution in while its value is being made.
   */
  resolve(descriptor: ResourceDescriptor, _top = false): ResolvedResource | Promise<ResolvedResource> {
    if (this.chain.some((d) => d.factory === descriptor.factory)) {
      const names = [...this.chain, descriptor].map((d) => d.name).join(' -> ');
      throw new ResourceDependencyError(`Circular resource dependency detected: ${names}`);
    }
    const hit = this.manager.cachedValue(descriptor) ?? this.scoped.get(descriptor.factory);
    if (hit) return { ...hit, created: false };
    this.chain.push(descriptor);
    let made: unknown;
    try {
      made = this.call(descriptor);
    } catch (error) {
      this.chain.pop();
      throw error;
    }
    if (!isThenable(made)) {
      this.chain.pop();
      return this.made(descriptor, made);
    }
    return Promise.resolve(made).then(
      (value) => (this.chain.pop(), this.made(descriptor, value)),
      (error: unknown) => {
        this.chain.pop();
        throw error;
      },
    );
  }

  private made(descriptor: ResourceDescriptor, value: unknown): ResolvedResource {
    const entry: ResourceInstance = { name: descriptor.name, instance: this.manager.nextInstance(descriptor.name), value };
    this.manager.remember(descriptor, entry);
    this.scoped.set(descriptor.factory, entry);
    return { ...entry, created: true };
  }

  /**
   * Calls the factory until its defaults find every dependency, then gives what its body made: the
   * value itself while everything is synchronous, else a promise of it.
   */
  private call(descriptor: ResourceDescriptor): unknown {
    let pending: unknown;
    const outer = resolving;
    resolving = this;
    try {
      pending = this.inFrame(descriptor.factory);
    } catch (error) {
      if (!(error instanceof NeedsResource)) throw error;
      return this.after(this.resolve(error.descriptor), descriptor);
    } finally {
      resolving = outer;
    }
    if (!isThenable(pending)) return pending;
    // An async factory's defaults ran before its first await: a missing dependency is a rejection.
    return Promise.resolve(pending).then(undefined, (error: unknown) => {
      if (!(error instanceof NeedsResource)) throw error;
      return this.after(this.resolve(error.descriptor), descriptor);
    });
  }

  /** Calls the factory again once the dependency it asked for is resolved. */
  private after(dependency: ResolvedResource | Promise<ResolvedResource>, descriptor: ResourceDescriptor): unknown {
    return isThenable(dependency) ? Promise.resolve(dependency).then(() => this.call(descriptor)) : this.call(descriptor);
  }
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return value !== null && typeof value === 'object' && typeof (value as PromiseLike<unknown>).then === 'function';
}
