package org.linkage.matching.domain;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class HungarianTest {

    static double total(double[][] score, int[] pairing) {
        double total = 0;
        for (int row = 0; row < pairing.length; row++) {
            if (pairing[row] >= 0) {
                total += score[row][pairing[row]];
            }
        }
        return total;
    }

    /** Tries every way of giving each row a distinct column or none. */
    static double bruteForceBest(double[][] score, int row, boolean[] taken) {
        if (row == score.length) {
            return 0;
        }
        double best = bruteForceBest(score, row + 1, taken);
        for (int column = 0; column < taken.length; column++) {
            if (!taken[column] && !Double.isNaN(score[row][column])) {
                taken[column] = true;
                best = Math.max(best, score[row][column] + bruteForceBest(score, row + 1, taken));
                taken[column] = false;
            }
        }
        return best;
    }

    @Test
    void theOptimumEqualsABruteForceSearchOnSmallRandomCases() {
        Random random = new Random(11);
        for (int round = 0; round < 500; round++) {
            int rows = 1 + random.nextInt(6);
            int columns = 1 + random.nextInt(6);
            double[][] score = new double[rows][columns];
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < columns; j++) {
                    score[i][j] = random.nextInt(5) == 0 ? Double.NaN : Math.round(random.nextDouble() * 1000) / 100.0;
                }
            }

            int[] pairing = Hungarian.maximise(score);

            boolean[] used = new boolean[columns];
            for (int row = 0; row < rows; row++) {
                if (pairing[row] >= 0) {
                    assertEquals(false, used[pairing[row]], "a column used twice in round " + round);
                    assertEquals(false, Double.isNaN(score[row][pairing[row]]), "a forbidden pair in round " + round);
                    used[pairing[row]] = true;
                }
            }
            assertEquals(bruteForceBest(score, 0, new boolean[columns]), total(score, pairing), 1e-6,
                    "round " + round);
        }
    }

    @Test
    void aKnownCaseWhereTheGreedyChoiceIsWrong() {
        // Greedy gives row 0 its best (column 0, 9) and leaves row 1 with 1: total 10. The optimum is 8 + 7 = 15.
        double[][] score = {{9, 8}, {7, 1}};
        assertArrayEquals(new int[]{1, 0}, Hungarian.maximise(score));
    }

    @Test
    void aRowNobodyFitsStaysUnpaired() {
        double[][] score = {{Double.NaN, Double.NaN}, {3, 2}};
        assertArrayEquals(new int[]{-1, 0}, Hungarian.maximise(score));
        assertArrayEquals(new int[0], Hungarian.maximise(new double[0][0]));
    }
}
