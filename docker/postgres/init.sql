-- Generated from subgraphs/agencies.ts by `npm run agencies:write`; do not edit by hand.
-- Runs once, on the first start of an empty volume: one database per subgraph, as each agency
-- owns its data and no subgraph reads another's tables.
CREATE DATABASE civil_affairs;
CREATE DATABASE labor;
CREATE DATABASE delivery;
