// Dependency exposure classes (CONTROL-MODEL §5): how a provider → client service edge relates to control.
import type { Dependency } from '../model';

export type ExposureClass = 'intra-group' | 'co-owner' | 'third-party';

export interface Exposure {
  exposure: ExposureClass;
  crossBorder: boolean;
}

/** What exposure classification needs to know about the analysed graph. */
export interface ExposureInputs {
  /** Ultimate controllers (sorted), or the entity itself when nobody controls it. */
  top(id: string): string[];
  /** Whether the client is controlled solely (one ultimate controller). */
  lookThroughStake(owner: string, client: string): number;
  jurisdiction(id: string): string | undefined;
}

/** Classifies one dependency: intra-group, co-owner or third-party, and whether it crosses a border. */
export function classifyDependency(dep: Dependency, g: ExposureInputs): Exposure {
  const provTop = g.top(dep.provider);
  const clientTop = g.top(dep.client);
  let exposure: ExposureClass = 'third-party';
  // One group: the same ultimate controllers, whether one alone or the same joint controllers (under votes only LY
  // is jointly controlled by NAVER and SoftBank, and so is its own subsidiary LINE Plus: not a "co-owner" of LY).
  if (provTop.length === clientTop.length && provTop.every((u) => clientTop.includes(u))) exposure = 'intra-group';
  else if (provTop.some((u) => clientTop.includes(u) || g.lookThroughStake(u, dep.client) > 1e-9)) exposure = 'co-owner';
  const juris = (ids: string[]) => new Set(ids.map((id) => g.jurisdiction(id) ?? '?'));
  const a = juris(provTop), b = juris(clientTop);
  const crossBorder = a.size !== b.size || [...a].some((j) => !b.has(j));
  return { exposure, crossBorder };
}
