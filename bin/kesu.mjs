#!/usr/bin/env node
// The kesu command: runs the TypeScript sources through tsx.
import { register } from 'tsx/esm/api';

register();
await import('../server/cli/run.ts');
