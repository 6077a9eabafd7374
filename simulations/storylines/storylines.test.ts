import { describe, expect, it } from 'vitest';
import { ANONYMISING_PROXY_IPS, IP } from '../cluster/constants';
import { Random } from '../../src/shared/random';
import { STORYLINES } from './index';

const SEEDS = [1, 2, 3, 4, 5];
const build = (id: string, seed: number) =>
  STORYLINES.find((definition) => definition.id === id)!.build(new Random(`${id}:${seed}:indicators`));
const DOCUMENTATION_IP = /\b(?:192\.0\.2|198\.51\.100|203\.0\.113)\.\d{1,3}\b/g;
const CLUSTER_IPS = new Set<string>(Object.values(IP));

describe('storyline builders', () => {
  for (const definition of STORYLINES) {
    it(`${definition.id}: the same seed gives the same storyline, and every indicator changes between seeds`, () => {
      expect(JSON.stringify(build(definition.id, 7))).toBe(JSON.stringify(build(definition.id, 7)));
      const drawn = SEEDS.map((seed) => build(definition.id, seed).indicators ?? {});
      const names = Object.keys(drawn[0]!);
      expect(names.length).toBeGreaterThanOrEqual(4);
      for (const name of names)
        expect(new Set(drawn.map((indicators) => indicators[name])).size, name).toBeGreaterThan(1);
    });

    it(`${definition.id}: an external address drawn for a case is the only one of its role everywhere in the case`, () => {
      for (const seed of SEEDS) {
        const storyline = build(definition.id, seed);
        const text = JSON.stringify({ steps: storyline.steps, actors: storyline.actors });
        const external = new Set(
          [...text.matchAll(DOCUMENTATION_IP)].map((match) => match[0]).filter((ip) => !CLUSTER_IPS.has(ip)),
        );
        const expected = new Set(
          Object.entries(storyline.indicators ?? {})
            .filter(([name]) => /ip$|^c2$/i.test(name))
            .map(([, value]) => value),
        );
        for (const ip of external)
          expect(expected.has(ip) || ANONYMISING_PROXY_IPS.includes(ip), `${ip} (seed ${seed})`).toBe(true);
        for (const ip of expected) expect(text.includes(ip), `${ip} used (seed ${seed})`).toBe(true);
      }
    });
  }

  it('no longer share one attacker address between storylines for every seed', () => {
    for (const seed of SEEDS) {
      const addresses = STORYLINES.map((definition) =>
        Object.entries(build(definition.id, seed).indicators ?? {})
          .filter(([name]) => /^attackerIp$|^c2$/.test(name))
          .map(([, value]) => value),
      ).flat();
      expect(addresses).not.toContain(IP.attacker);
    }
    const bySeed = SEEDS.map((seed) => build('privileged-pod-escape', seed).indicators!.attackerIp);
    expect(new Set(bySeed).size).toBeGreaterThan(1);
  });
});
