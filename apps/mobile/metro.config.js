// Metro for the mobile app: Expo's defaults (monorepo-aware), plus one rule. @lm/core is TypeScript
// source written with NodeNext-style "./enums.js" specifiers; Metro does not map those to the .ts file.
const path = require("node:path");
const { getDefaultConfig } = require("expo/metro-config");

const config = getDefaultConfig(__dirname);
const upstream = config.resolver.resolveRequest;

config.resolver.resolveRequest = (context, moduleName, platform) => {
  const resolve = upstream ?? context.resolveRequest;
  const fromSource = !context.originModulePath.includes(`${path.sep}node_modules${path.sep}`);
  if (fromSource && moduleName.startsWith(".") && moduleName.endsWith(".js")) {
    try {
      return resolve(context, moduleName.slice(0, -3), platform);
    } catch {
      // Not a .ts file behind the .js name: resolve it as written.
    }
  }
  return resolve(context, moduleName, platform);
};

module.exports = config;
