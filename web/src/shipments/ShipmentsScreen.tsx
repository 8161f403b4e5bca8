export function ShipmentsScreen() {
  return <h1>ShipmentsScreen</h1>;
}
