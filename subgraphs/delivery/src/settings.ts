export const deliverySettings = {};
