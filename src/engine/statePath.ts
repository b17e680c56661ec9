/**
 * Types for typed state (Python's `Context[MyState]`): the dotted paths into a state type and the
 * value at each, so `ctx.store.get("user.name")` is checked and typed. Untyped state (the default,
 * a free-form record) takes any path.
 */

/** The state of a workflow that declares none: any key, any value (Python's `DictState`). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- free-form state, as in the library
export type DictState = Record<string, any>;

/** A class whose no-argument constructor gives the state's defaults. */
export type StateClass<S extends object = object> = new () => S;

type Depth = [never, 0, 1, 2, 3, 4, 5];

/** Whether `S` is free-form (has a string index signature). */
export type IsUntypedState<S> = string extends keyof S ? true : false;

type Leafy = string | number | boolean | bigint | symbol | null | undefined | Function | Date | RegExp;

/** Every dotted path into `S`, five levels deep. */
export type StatePath<S, D extends number = 5> = [D] extends [never]
  ? never
  : S extends Leafy
    ? never
    : S extends readonly unknown[]
      ? `${number}` | `${number}.${StatePath<S[number], Depth[D]>}`
      : { [K in keyof S & string]: K | (NonNullable<S[K]> extends Leafy ? never : `${K}.${StatePath<NonNullable<S[K]>, Depth[D]>}`) }[keyof S & string];

/** The type at `P` in `S`. */
export type StateValue<S, P extends string> = P extends `${infer K}.${infer Rest}`
  ? S extends readonly (infer E)[]
    ? StateValue<E, Rest>
    : K extends keyof S
      ? StateValue<NonNullable<S[K]>, Rest>
      : unknown
  : S extends readonly (infer E)[]
    ? E
    : P extends keyof S
      ? S[P]
      : unknown;

/** The paths `ctx.store` accepts for state `S`: any string when the state is free-form. */
export type StorePath<S> = IsUntypedState<S> extends true ? string : StatePath<S>;

/** What `ctx.store.get(path)` gives for state `S`: `any` when the state is free-form. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- free-form state reads as any, as ctx.get does
export type StoreValue<S, P extends string> = IsUntypedState<S> extends true ? any : StateValue<S, P>;
