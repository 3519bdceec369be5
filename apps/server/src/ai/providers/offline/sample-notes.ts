// Students' real-looking notes, shared by the offline and quiz tests and bench/ai.
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

/**
 * The notes from issue 13 (about 440 words): a title line with "Mr.", five headed sections, a ':' heading
 * over a bullet list, "e.g.", "i.e.", "Dr.", ranges (10–100, 1-10) and a decimal (3.14).
 */
export const CELL_BIOLOGY_UNIT3_NOTES = `Cell biology – Unit 3 notes (Mr. Okafor, Bio 101).

Cell theory
All living things are made of one or more cells, and the cell is the basic unit of life. New cells only come from existing cells when a cell divides. Robert Hooke named cells in 1665 after looking at cork under a microscope. Later Dr. Theodor Schwann showed that animals are made of cells too. Most cells are tiny: a typical animal cell is 10–100 micrometres across, so we need a light microscope to see one. Cell theory is one of the unifying ideas of biology, alongside evolution and genetics.

Prokaryotic and eukaryotic cells
Prokaryotic cells, e.g. bacteria, have no nucleus, and their DNA floats in the cytoplasm as a single loop. Eukaryotic cells (plants, animals and fungi) keep their DNA inside a nucleus. Prokaryotes are much smaller, usually 1-10 µm long, i.e. about a tenth of the size of a eukaryotic cell. Some bacteria also have a flagellum for moving and plasmids, which are small extra rings of DNA. Both kinds of cell have a cell membrane, cytoplasm and ribosomes.

Organelles:
- The nucleus holds the DNA and controls the activities of the cell.
- Mitochondria release energy from glucose during aerobic respiration.
- Ribosomes build proteins from amino acids.
- Chloroplasts absorb light for photosynthesis; only plant cells and algae have them.
- The cell wall, made of cellulose in plants, supports the cell and stops it from bursting.
- A large permanent vacuole in plant cells stores cell sap and keeps the cell firm.

Membranes and transport
The cell membrane is a phospholipid bilayer that controls what enters and leaves the cell. Diffusion is the net movement of particles from a higher to a lower concentration, e.g. oxygen entering a red blood cell. Osmosis is the diffusion of water across a partially permeable membrane, from a dilute solution to a more concentrated one. Active transport moves substances against a concentration gradient and needs energy from respiration, for example when root hair cells take up mineral ions.

Surface area and cell size
Cells stay small because the surface area to volume ratio falls as a cell grows. A cube with 1 cm sides has a ratio of 6:1, but a cube with 3 cm sides has a ratio of only 2:1. A large cell could not take in oxygen fast enough by diffusion alone, so big organisms need transport systems. Microvilli in the small intestine and root hairs in plants increase the surface area for absorption. Mr. Okafor says to give ratios to two decimal places, e.g. 3.14 and not 3.1.
`;

/** Five sections separated only by blank lines: no headings at all. */
export const FRENCH_REVOLUTION_BLOCKS = `The French Revolution began in 1789, when the Estates-General met at Versailles for the first time since 1614. France was nearly bankrupt after expensive wars, including its support for the American Revolution.

Society was divided into three estates. The clergy formed the First Estate and the nobility the Second Estate, and both paid almost no taxes. The Third Estate, about 97 percent of the people, carried the tax burden.

Bad harvests in 1788 doubled the price of bread in Paris. Hungry crowds blamed the king and the queen, Marie Antoinette, for the shortages.

On 14 July 1789 a crowd stormed the Bastille, a royal prison and a symbol of royal power. In August the National Assembly abolished feudal privileges and adopted the Declaration of the Rights of Man and of the Citizen.

The monarchy was abolished in 1792 and King Louis XVI was executed in January 1793. During the Terror, Robespierre and the Committee of Public Safety sent thousands of suspected enemies to the guillotine. Napoleon Bonaparte seized power in 1799, which ended the revolution.
`;
