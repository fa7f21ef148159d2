import { describe, expect, test } from 'vitest';
import { FacetTally } from '../../src/options/facet-tally';
import { makeTalk } from '../export/records';

const prometheus = makeTalk('Pr0meTheus1', { event: 'KubeCon NA 2021', category: 'Observability', tags: ['prometheus'] });
const openMetrics = makeTalk('OpenMetr1cs', { event: 'KubeCon NA 2021', category: 'Observability', tags: ['metrics'] });
const supplyChain = makeTalk('SupplyCha1n', { event: 'KubeCon EU 2022', category: 'Security', tags: ['sbom', 'Prometheus'] });

const tallyOf = (...talks: ReturnType<typeof makeTalk>[]) => {
  const tally = new FacetTally();
  for (const talk of talks) tally.add(talk);
  return tally;
};

describe('FacetTally', () => {
  test('offers the values in use, once each, in a people-friendly order', () => {
    expect(tallyOf(prometheus, openMetrics, supplyChain, makeTalk('NoFacets000')).facets()).toEqual({
      events: ['KubeCon EU 2022', 'KubeCon NA 2021'],
      categories: ['Observability', 'Security'],
      tags: ['metrics', 'Prometheus', 'sbom'],
    });
  });

  test('a value goes when the last talk holding it goes, not before', () => {
    const tally = tallyOf(prometheus, openMetrics, supplyChain);
    tally.remove(openMetrics);
    expect(tally.facets()).toEqual({
      events: ['KubeCon EU 2022', 'KubeCon NA 2021'],
      categories: ['Observability', 'Security'],
      tags: ['Prometheus', 'sbom'],
    });
    tally.remove(prometheus);
    expect(tally.facets()).toEqual({ events: ['KubeCon EU 2022'], categories: ['Security'], tags: ['Prometheus', 'sbom'] });
  });

  test('a talk changed is removed as it was and added as it is', () => {
    const tally = tallyOf(prometheus, supplyChain);
    const moved = { ...supplyChain, event: 'KubeCon NA 2021', tags: ['sbom', 'sbom'] };
    tally.remove(supplyChain);
    tally.add(moved);
    expect(tally.facets()).toEqual({ events: ['KubeCon NA 2021'], categories: ['Observability', 'Security'], tags: ['prometheus', 'sbom'] });
    tally.remove(moved);
    expect(tally.facets().tags).toEqual(['prometheus']);
  });

  test('a tag is one choice whatever its case, shown in its most common spelling', () => {
    const tally = tallyOf(supplyChain, prometheus, { ...prometheus, id: 't_another' });
    expect(tally.facets().tags).toEqual(['prometheus', 'sbom']);
    const before = tally.facets();
    tally.remove(prometheus);
    // As many of each spelling: capitals first, whichever came first.
    expect(tally.facets().tags).toEqual(['Prometheus', 'sbom']);
    expect(tally.facets()).not.toBe(before);
  });

  test('the facets stay the same object while no value comes or goes', () => {
    const tally = tallyOf(prometheus);
    const before = tally.facets();
    tally.add(openMetrics);
    expect(tally.facets().tags).toEqual(['metrics', 'prometheus']);
    const withMetrics = tally.facets();
    tally.add({ ...openMetrics, id: 't_another' });
    tally.remove(openMetrics);
    expect(tally.facets()).toBe(withMetrics);
    expect(before).not.toBe(withMetrics);
  });
});
