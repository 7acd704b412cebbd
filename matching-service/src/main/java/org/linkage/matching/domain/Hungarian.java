package org.linkage.matching.domain;

import java.util.Arrays;

/**
 * The assignment problem: pairs rows with columns, each at most once, for the largest total score (Kuhn–Munkres,
 * O(n²·m)). A row may stay unpaired, which is what happens when no column fits it or pairing it would cost more
 * elsewhere.
 */
public final class Hungarian {

    /** Costs no pairing can take: far above any score, yet small enough to add up without overflow. */
    private static final double FORBIDDEN = 1e9;

    /**
     * @param score score[row][column]; {@link Double#NaN} where the row cannot be paired with the column
     * @return for each row its column, or -1 when it stays unpaired
     */
    public static int[] maximise(double[][] score) {
        int rows = score.length;
        int columns = rows == 0 ? 0 : score[0].length;
        // One "stay unpaired" column per row, at no cost, so that every row can always be placed.
        int width = columns + rows;
        double[][] cost = new double[rows + 1][width + 1];
        for (int i = 1; i <= rows; i++) {
            for (int j = 1; j <= columns; j++) {
                double value = score[i - 1][j - 1];
                cost[i][j] = Double.isNaN(value) ? FORBIDDEN : -value;
            }
        }
        double[] u = new double[rows + 1];
        double[] v = new double[width + 1];
        int[] rowOfColumn = new int[width + 1];
        int[] way = new int[width + 1];
        for (int i = 1; i <= rows; i++) {
            rowOfColumn[0] = i;
            int column = 0;
            double[] minimum = new double[width + 1];
            Arrays.fill(minimum, Double.MAX_VALUE);
            boolean[] used = new boolean[width + 1];
            do {
                used[column] = true;
                int row = rowOfColumn[column];
                double delta = Double.MAX_VALUE;
                int next = 0;
                for (int j = 1; j <= width; j++) {
                    if (!used[j]) {
                        double reduced = cost[row][j] - u[row] - v[j];
                        if (reduced < minimum[j]) {
                            minimum[j] = reduced;
                            way[j] = column;
                        }
                        if (minimum[j] < delta) {
                            delta = minimum[j];
                            next = j;
                        }
                    }
                }
                for (int j = 0; j <= width; j++) {
                    if (used[j]) {
                        u[rowOfColumn[j]] += delta;
                        v[j] -= delta;
                    } else {
                        minimum[j] -= delta;
                    }
                }
                column = next;
            } while (rowOfColumn[column] != 0);
            do {
                int previous = way[column];
                rowOfColumn[column] = rowOfColumn[previous];
                column = previous;
            } while (column != 0);
        }
        int[] columnOfRow = new int[rows];
        Arrays.fill(columnOfRow, -1);
        for (int j = 1; j <= columns; j++) {
            int row = rowOfColumn[j];
            if (row != 0 && cost[row][j] < FORBIDDEN) {
                columnOfRow[row - 1] = j - 1;
            }
        }
        return columnOfRow;
    }

    private Hungarian() {
    }
}
