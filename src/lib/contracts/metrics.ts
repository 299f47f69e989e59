/** Metric figures and the wall's view model on the wire: the domain's own types, re-exported. */
export type * from '../domain/metrics/figures';
export type * from '../domain/metrics/wall-view';
