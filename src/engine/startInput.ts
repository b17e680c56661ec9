import { runDefaults } from './runDefaults.ts';

/**
 * The start input the host was given: the playground's Input box, the command line's `--input`.
 * Code that starts its own run passes it on, `await w.run(startInput())`, so that what is typed there
 * is what the run receives. Without a host (a plain script, a test) it is an empty object.
 *
 * @example
 * const result = await new Greeter().run(startInput()); // { "name": "Ada" } typed in the Input box
 */
export function startInput(): Record<string, unknown> {
  const input = runDefaults().input;
  // A copy: the code may change what it got, the host's value stays as it was given.
  return input ? structuredClone(input) : {};
}
