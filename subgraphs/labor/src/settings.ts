export const laborSettings = {};
