// A student's real-looking notes (about 2 KB), shared by the offline tests and bench/ai.
export const CELL_RESPIRATION_NOTES = `Cellular respiration - Biology notes, week 6

Cellular respiration is the process cells use to release energy from glucose. The energy is stored in ATP, the molecule cells spend to power muscle contraction, active transport and building proteins. Aerobic respiration needs oxygen and produces carbon dioxide and water as waste products.

Glycolysis
Glycolysis happens in the cytoplasm and does not need oxygen. One glucose molecule is split into two molecules of pyruvate. Glycolysis makes a net gain of two ATP and two NADH molecules.

The Krebs cycle
In the presence of oxygen, pyruvate moves into the mitochondria. Each pyruvate is converted to acetyl-CoA, releasing carbon dioxide. The Krebs cycle takes place in the mitochondrial matrix and produces NADH, FADH2 and a small amount of ATP. Most of the carbon dioxide we breathe out is released during the Krebs cycle.

The electron transport chain
The electron transport chain sits in the inner mitochondrial membrane. NADH and FADH2 pass electrons along a chain of proteins, which pump hydrogen ions across the membrane. The hydrogen ions flow back through ATP synthase, and this flow drives the production of most of the ATP. Oxygen is the final electron acceptor and combines with hydrogen to form water. Without oxygen the chain stops, which is why we need to breathe.

Anaerobic respiration
When oxygen is scarce, for example during a sprint, muscle cells switch to anaerobic respiration. Pyruvate is turned into lactic acid, which lets glycolysis keep running but yields only two ATP per glucose. Yeast cells ferment pyruvate into ethanol and carbon dioxide instead, which is how bread rises and beer is brewed.

Summary to remember
Aerobic respiration yields about 30 to 32 ATP per glucose, far more than anaerobic respiration. The mitochondria are called the powerhouse of the cell because most ATP is made there.
`;

/** Notes the way many students write them: headings and short bullets without full stops. */
export const WATER_CYCLE_BULLETS = `# The water cycle
## Key processes
- Evaporation: the sun heats water in oceans, lakes and rivers and it turns into water vapour
- Transpiration is water vapour released from the leaves of plants
- Condensation: water vapour cools as it rises and forms tiny droplets that make clouds
- Precipitation happens when droplets in clouds join together and fall as rain, snow, sleet or hail
- Collection: water gathers in oceans, lakes, rivers and underground as groundwater
## Why it matters
* The water cycle moves heat around the planet and shapes the weather
* It supplies fresh water to plants, animals and people
* Deforestation means less transpiration
1) Most evaporation happens over the oceans
2) Groundwater can stay underground for thousands of years
`;
