#!/usr/bin/env node
// Entry point of the `hotline` CLI: loads TypeScript through tsx so `npx hotline …` works in the repo.
import { register } from "tsx/esm/api";

register();
await import("../server/cli/main.ts");
