// Hand-written sample lessons, part two (history, physics, computer science).
import type { RawLesson } from "./lesson-schema.js";
import type { LessonInput } from "./types.js";

export const SAMPLE_SOURCES_2: Array<LessonInput & RawLesson> = [
  {
    topic: "Causes of the French Revolution",
    subject: "HISTORY",
    difficulty: "INTERMEDIATE",
    title: "Why the French Revolution began",
    scriptSummary:
      "By 1789 France faced bankruptcy, an unfair tax system, hunger and new Enlightenment ideas. When Louis XVI called the Estates-General, the Third Estate broke away and the revolution began.",
    script: [
      "In 1789 France, one of the richest kingdoms in Europe, fell into revolution.",
      "Historians usually group the causes into financial, social, economic and intellectual ones.",
      "First, the monarchy was nearly bankrupt.",
      "Wars, including French support for the American Revolution, had left huge debts, and interest payments swallowed much of the royal income.",
      "Second, society was divided into three estates.",
      "The clergy formed the First Estate and the nobility the Second, and both paid little or no tax.",
      "The Third Estate, everyone else from rich merchants to poor peasants, carried most of the tax burden.",
      "Third, poor harvests in 1788 sent the price of bread soaring, and many families spent most of their income on bread alone.",
      "Fourth, Enlightenment thinkers such as Rousseau and Montesquieu had spread ideas about popular sovereignty and the separation of powers.",
      "To raise money, King Louis XVI called the Estates-General in May 1789, the first time since 1614.",
      "The Third Estate demanded voting by head rather than by estate, and when it was refused, its deputies declared themselves the National Assembly and swore the Tennis Court Oath.",
      "On 14 July 1789 crowds in Paris stormed the Bastille, a symbol of royal power.",
      "Historians still debate how much weight each cause deserves, but most agree the financial crisis was the trigger that let the deeper problems explode.",
    ].join(" "),
    keyPoints: [
      "The monarchy was nearly bankrupt after costly wars.",
      "The clergy and nobility paid little tax while the Third Estate carried the burden.",
      "Poor harvests in 1788 made bread prices soar.",
      "Enlightenment ideas challenged absolute monarchy.",
      "The Third Estate declared itself the National Assembly in 1789.",
      "Crowds stormed the Bastille on 14 July 1789.",
    ],
    tags: ["french revolution", "18th century", "europe", "enlightenment"],
    quiz: [
      {
        question: "Why did Louis XVI call the Estates-General in 1789?",
        choices: ["To declare war", "To raise money", "To abolish the nobility", "To crown his son"],
        answerIndex: 1,
      },
      {
        question: "Which group carried most of the tax burden before 1789?",
        choices: ["The clergy", "The nobility", "The Third Estate"],
        answerIndex: 2,
      },
      {
        question: "What did the Third Estate's deputies call themselves in June 1789?",
        choices: ["The Jacobin Club", "The National Assembly", "The Directory", "The Estates-General"],
        answerIndex: 1,
      },
    ],
  },
  {
    topic: "Newton's laws of motion",
    subject: "PHYSICS",
    difficulty: "BEGINNER",
    title: "Newton's three laws of motion",
    scriptSummary:
      "Objects keep their motion unless a net force acts, force equals mass times acceleration, and every force comes with an equal and opposite partner. Together the three laws explain everyday motion.",
    script: [
      "Isaac Newton published three laws in 1687 that explain how forces change motion.",
      "The first law, the law of inertia, says that an object stays at rest or keeps moving at a constant velocity unless a net force acts on it.",
      "That is why passengers lurch forward when a bus brakes suddenly: their bodies keep moving.",
      "The second law says that the net force on an object equals its mass times its acceleration, written F equals m a.",
      "Force is measured in newtons, mass in kilograms and acceleration in metres per second squared.",
      "For example, pushing a 2 kilogram trolley with a net force of 10 newtons gives an acceleration of 5 metres per second squared.",
      "The same force on a heavier object produces a smaller acceleration.",
      "The third law says that when one object exerts a force on another, the second object exerts an equal and opposite force on the first.",
      "When you push off a wall on roller skates, the wall pushes you back with the same force, and you roll away.",
      "A rocket works the same way: it pushes exhaust gas backwards, and the gas pushes the rocket forwards.",
      "A common mistake is to think the two forces in a pair cancel out, but they act on different objects, so they do not.",
      "With these three laws you can explain everything from a falling apple to a satellite in orbit.",
    ].join(" "),
    keyPoints: [
      "First law: an object keeps its motion unless a net force acts on it.",
      "Second law: the net force equals mass times acceleration.",
      "A 10 newton net force on a 2 kilogram trolley gives 5 metres per second squared.",
      "Third law: every force has an equal and opposite partner force.",
      "The two forces in a pair act on different objects, so they do not cancel.",
    ],
    tags: ["mechanics", "forces", "newton"],
    quiz: [
      {
        question: "What acceleration does a 20 N net force give a 4 kg box?",
        choices: ["5 m/s²", "80 m/s²", "0.2 m/s²", "24 m/s²"],
        answerIndex: 0,
      },
      {
        question: "Which law explains why passengers lurch forward when a bus brakes?",
        choices: ["The first law", "The second law", "The third law"],
        answerIndex: 0,
      },
      {
        question: "Why don't the two forces in a third-law pair cancel out?",
        choices: ["They act on different objects", "One is always larger", "They act at different times"],
        answerIndex: 0,
      },
    ],
  },
  {
    topic: "Binary search",
    subject: "COMPUTER_SCIENCE",
    difficulty: "INTERMEDIATE",
    title: "Binary search: finding things fast in sorted data",
    scriptSummary:
      "Binary search finds a value in a sorted list by repeatedly halving the range that could contain it. It needs only about log2 of n comparisons, but the data must be sorted.",
    script: [
      "Imagine looking for a word in a dictionary by reading every page from the start.",
      "That is linear search, and on a list of n items it can take n comparisons.",
      "Binary search is much faster, but it needs one thing: the list must be sorted.",
      "The idea is to keep a range of positions where the target could be, starting with the whole list.",
      "At each step, look at the middle element of the range.",
      "If it equals the target, you are done.",
      "If the target is smaller, the target can only be in the left half, so discard the right half.",
      "If the target is larger, discard the left half.",
      "Repeat until you find the target or the range is empty, which means the target is not in the list.",
      "Because each step halves the range, a list of one million items needs at most about twenty comparisons, since two to the power of twenty is just over a million.",
      "We say binary search runs in logarithmic time, O of log n, and it needs only constant extra memory when written as a loop.",
      "Typical bugs are off-by-one errors in the range bounds and loops that never end, so test with empty lists, one element and targets at both ends.",
      "If the data changes often, keeping it sorted has a cost, so a hash table may be a better choice.",
    ].join(" "),
    keyPoints: [
      "Binary search only works on a sorted list.",
      "Compare the target with the middle element of the range.",
      "Discard the half that cannot contain the target.",
      "Halving the range gives O(log n) time: about twenty steps for a million items.",
      "Test the bounds: empty lists, one element and targets at both ends.",
    ],
    tags: ["algorithms", "searching", "complexity"],
    quiz: [
      {
        question: "What must be true of a list before you can binary search it?",
        choices: ["It must be sorted", "It must have an even length", "It must contain no duplicates"],
        answerIndex: 0,
      },
      {
        question: "About how many comparisons does binary search need on 1,000,000 sorted items?",
        choices: ["20", "1,000", "500,000", "1,000,000"],
        answerIndex: 0,
      },
      {
        question: "The middle element is larger than the target. What do you do next?",
        choices: ["Search the left half", "Search the right half", "Start again from the beginning"],
        answerIndex: 0,
      },
    ],
  },
];
