// Module resolution hook registered by plain-node.mjs: "server-only" resolves with the react-server
// condition (to its empty module); every other specifier resolves as usual.
export async function resolve(specifier, context, nextResolve) {
  if (specifier === "server-only") return nextResolve(specifier, { ...context, conditions: [...context.conditions, "react-server"] });
  return nextResolve(specifier, context);
}
