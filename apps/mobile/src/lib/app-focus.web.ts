// In the browser React Query already listens to tab visibility; nothing to add.
export function watchAppFocus(): void {}
