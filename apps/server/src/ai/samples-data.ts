// Hand-written sample lessons (content only). samples.ts runs them through the same post-processing
// as generated lessons, so their timestamps and duration follow the same rules.
import type { RawLesson } from "./lesson-schema.js";
import type { LessonInput } from "./types.js";

export const SAMPLE_SOURCES: Array<LessonInput & RawLesson> = [
  {
    topic: "Photosynthesis",
    subject: "BIOLOGY",
    difficulty: "BEGINNER",
    title: "Photosynthesis: how plants make their own food",
    scriptSummary:
      "Plants use light energy to turn carbon dioxide and water into glucose and oxygen. The light-dependent reactions capture energy in the thylakoids, and the Calvin cycle uses it to build sugar in the stroma.",
    script: [
      "Every leaf is a small factory, and photosynthesis is what it makes.",
      "Photosynthesis is the process plants, algae and some bacteria use to turn light energy into chemical energy stored in sugar.",
      "The overall equation is simple to remember: six molecules of carbon dioxide plus six molecules of water, with light, give one molecule of glucose and six molecules of oxygen.",
      "It happens inside chloroplasts, which are packed into the cells of the leaf.",
      "Chloroplasts contain chlorophyll, a green pigment that absorbs red and blue light and reflects green light, which is why leaves look green.",
      "Photosynthesis has two stages.",
      "In the light-dependent reactions, which take place in the thylakoid membranes, light energy splits water molecules.",
      "This releases oxygen as a by-product and makes two energy carriers, ATP and NADPH.",
      "In the second stage, the Calvin cycle, which takes place in the stroma, the plant uses ATP and NADPH to fix carbon dioxide from the air into glucose.",
      "Glucose is then used for energy in respiration, or built into starch for storage and cellulose for cell walls.",
      "The rate of photosynthesis depends on light intensity, carbon dioxide concentration and temperature, and whichever is in shortest supply limits the rate.",
      "So the next time you breathe in, remember that much of that oxygen was released by photosynthesis.",
    ].join(" "),
    keyPoints: [
      "Photosynthesis turns light energy into chemical energy stored in glucose.",
      "Carbon dioxide and water, with light, give glucose and oxygen.",
      "Chlorophyll in chloroplasts absorbs red and blue light and reflects green.",
      "The light-dependent reactions split water, release oxygen and make ATP and NADPH.",
      "The Calvin cycle uses ATP and NADPH to fix carbon dioxide into glucose.",
      "Light, carbon dioxide and temperature limit the rate of photosynthesis.",
    ],
    tags: ["photosynthesis", "plants", "chloroplast", "calvin cycle"],
    quiz: [
      {
        question: "Which gas is released as a by-product of the light-dependent reactions?",
        choices: ["Carbon dioxide", "Oxygen", "Nitrogen", "Hydrogen"],
        answerIndex: 1,
      },
      {
        question: "Where in the chloroplast does the Calvin cycle take place?",
        choices: ["Thylakoid membrane", "Stroma", "Cell wall", "Nucleus"],
        answerIndex: 1,
      },
      {
        question: "Why do most leaves look green?",
        choices: [
          "Chlorophyll absorbs green light",
          "Chlorophyll reflects green light",
          "Glucose is green",
          "Oxygen is green",
        ],
        answerIndex: 1,
      },
    ],
  },
  {
    topic: "The Pythagorean theorem",
    subject: "MATH",
    difficulty: "BEGINNER",
    title: "The Pythagorean theorem",
    scriptSummary:
      "In a right triangle, the square of the hypotenuse equals the sum of the squares of the other two sides. The theorem finds a missing side and tests whether a triangle has a right angle.",
    script: [
      "The Pythagorean theorem is one of the most useful facts in geometry, and it is about right triangles.",
      "A right triangle has one angle of exactly ninety degrees.",
      "The side opposite the right angle is the longest side, and it is called the hypotenuse.",
      "The theorem says that the square of the hypotenuse equals the sum of the squares of the other two sides.",
      "If the two shorter sides are a and b and the hypotenuse is c, then a squared plus b squared equals c squared.",
      "Let us try an example.",
      "Suppose the two shorter sides are 3 centimetres and 4 centimetres.",
      "Three squared is 9 and four squared is 16, and 9 plus 16 is 25.",
      "So c squared is 25, and the hypotenuse is the square root of 25, which is 5 centimetres.",
      "You can also work backwards to find a shorter side: subtract the square of the known short side from the square of the hypotenuse, then take the square root.",
      "The theorem works in reverse too: if the squares of the two shorter sides add up to the square of the longest side, the triangle must contain a right angle.",
      "Builders use this with a 3, 4, 5 triangle to check that corners are square.",
      "A common mistake is to add the sides before squaring them, so always square first, then add.",
    ].join(" "),
    keyPoints: [
      "The hypotenuse is the side opposite the right angle and the longest side.",
      "a squared plus b squared equals c squared.",
      "Sides of 3 and 4 give a hypotenuse of 5.",
      "If the squares add up, the triangle contains a right angle.",
      "Square the sides first, then add.",
    ],
    tags: ["geometry", "triangles", "pythagoras"],
    quiz: [
      {
        question: "A right triangle has shorter sides of 6 and 8. How long is the hypotenuse?",
        choices: ["10", "14", "48", "100"],
        answerIndex: 0,
      },
      {
        question: "Which side of a right triangle is the hypotenuse?",
        choices: ["The shortest side", "The side opposite the right angle", "Any side next to the right angle"],
        answerIndex: 1,
      },
      {
        question: "Sides of 5, 12 and 13: is the triangle right-angled?",
        choices: ["Yes, because 25 + 144 = 169", "No, because 5 + 12 is not 13", "Only if it is isosceles"],
        answerIndex: 0,
      },
    ],
  },
  {
    topic: "Supply and demand",
    subject: "ECONOMICS",
    difficulty: "INTERMEDIATE",
    title: "Supply and demand: how markets set prices",
    scriptSummary:
      "Demand falls and supply rises as price goes up, and the market settles where they meet. Shifts in either curve move the equilibrium price and quantity in predictable directions.",
    script: [
      "Why does the price of strawberries drop in summer and rise in winter?",
      "The answer is supply and demand, the basic model of how a competitive market sets prices.",
      "Demand is how much buyers are willing and able to buy at each price.",
      "The law of demand says that as the price rises, the quantity demanded falls, so the demand curve slopes downward.",
      "Supply is how much sellers are willing to sell at each price.",
      "The law of supply says that as the price rises, the quantity supplied rises, because producing more becomes profitable, so the supply curve slopes upward.",
      "The market equilibrium is where the two curves cross: the price at which the quantity demanded equals the quantity supplied.",
      "If the price is above equilibrium, there is a surplus, and sellers cut prices to clear their stock.",
      "If the price is below equilibrium, there is a shortage, and buyers compete, pushing the price up.",
      "Curves can also shift.",
      "A summer harvest increases supply, shifting the supply curve to the right, so the equilibrium price falls and the quantity sold rises.",
      "A rise in incomes or a popular trend increases demand, shifting the demand curve right, so both price and quantity rise.",
      "Remember the difference between a movement along a curve, caused by a change in the good's own price, and a shift of the curve, caused by anything else.",
      "The model assumes many buyers and sellers and no price controls, so real markets can behave differently.",
    ].join(" "),
    keyPoints: [
      "The law of demand: as the price rises, the quantity demanded falls.",
      "The law of supply: as the price rises, the quantity supplied rises.",
      "Equilibrium is where the quantity demanded equals the quantity supplied.",
      "A price above equilibrium causes a surplus; below it, a shortage.",
      "A shift in supply or demand moves the equilibrium price and quantity.",
    ],
    tags: ["markets", "prices", "equilibrium", "microeconomics"],
    quiz: [
      {
        question: "What happens at a price above the equilibrium price?",
        choices: ["A shortage", "A surplus", "Demand rises", "Nothing changes"],
        answerIndex: 1,
      },
      {
        question: "A large harvest shifts the supply curve to the right. What happens to the equilibrium price?",
        choices: ["It rises", "It falls", "It stays the same"],
        answerIndex: 1,
      },
      {
        question: "Which of these causes a movement along the demand curve rather than a shift?",
        choices: ["A change in the good's own price", "A rise in incomes", "A new fashion trend", "A change in tastes"],
        answerIndex: 0,
      },
    ],
  },
];
