import { describe, expect, test } from 'vitest';
import { sharedCompiler } from '../runSource.ts';

const withPath = (call: string) => `import { Context, StartEvent, StopEvent, Workflow, step } from "flowplay";
class Address { city = "Paris"; }
class Profile {
  name = "Jane";
  visits = 0;
  prefs = { theme: "dark", font: { size: 12 } };
  home = new Address();
  tags: Record<string, number> = {};
}
class Flow extends Workflow {
  @step()
  async start(ctx: Context<Profile>, ev: StartEvent): Promise<StopEvent> {
    ${call};
    return new StopEvent({ result: 1 });
  }
}
`;

const found = (source: string) => sharedCompiler().compile(source).diagnostics.filter((d) => d.code === 'state-path-unknown');

describe('a state path that the declared state type does not have', () => {
  test.each([
    ['await ctx.store.get("visits")', null],
    ['await ctx.store.set("prefs.font.size", 14)', null],
    ['await ctx.store.get("home.city")', null],
    ['await ctx.store.get("tags.anything")', null],
    ['await ctx.store.get("vists")', "'vists' is not a path of Profile: Profile has no field 'vists' (its fields: name, visits, prefs, home, tags)."],
    ['await ctx.store.set("prefs.colour", "red")', "'prefs.colour' is not a path of Profile: Profile.prefs has no field 'colour' (its fields: theme, font)."],
    ['await ctx.store.get("home.town")', "'home.town' is not a path of Profile: Profile.home has no field 'town' (its fields: city)."],
    ['await ctx.get("nmae")', "'nmae' is not a path of Profile: Profile has no field 'nmae' (its fields: name, visits, prefs, home, tags)."],
  ])('%s', (call, message) => {
    const source = withPath(call);
    const diagnostics = found(source);
    expect(diagnostics.map((d) => d.message)).toEqual(message ? [message] : []);
    if (message) {
      expect(diagnostics[0]).toMatchObject({ severity: 'error', node: 'step:start' });
      expect(source.slice(diagnostics[0]!.range.start, diagnostics[0]!.range.end)).toMatch(/^"/);
    }
  });

  test('an untyped context is not checked', () => {
    expect(found(withPath('await ctx.store.get("anything")').replace('Context<Profile>', 'Context'))).toEqual([]);
  });
});
