/** What the access services need from the container (the CLI builds just this, no live state). */
import type { Container } from '../../container';

export type AccessDeps = Pick<Container, 'database' | 'clock' | 'config' | 'reference' | 'bus'>;
