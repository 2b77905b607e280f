package dev.briefings.render.workbook;

/**
 * The workbook template is missing, unreadable or lacks a sheet, header row or style the renderer needs.
 * The message names the template file and the problem.
 */
public class TemplateException extends RuntimeException {

    public TemplateException(String message) {
        super(message);
    }

    public TemplateException(String message, Throwable cause) {
        super(message, cause);
    }
}
