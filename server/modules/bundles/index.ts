/** 一件事一次办: what other modules (the demo seeder, the HTTP shell) use. */
export { bundleCaseRoutes } from "./bundle-cases.routes.ts";
export { bundleRoutes } from "./bundles.routes.ts";
export { seedBundles } from "./seed-bundles.ts";
