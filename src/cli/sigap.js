#!/usr/bin/env node
// The `sigap` command: TypeScript sources run through tsx, no build step.
import { register } from 'tsx/esm/api';

register();
await import('./main');
