/**
 * pptxgenjs, typed as Node loads it. Its types describe a CommonJS module whose `default` is the
 * class; Node's `import` loads its ES module build, whose default export is the class itself.
 */
import pptxgenjs from 'pptxgenjs'
import type * as Types from 'pptxgenjs'

type PptxGenJSClass = typeof Types.default.default

/** The pptxgenjs class, whichever build was loaded. */
export const PptxGenJS = ((pptxgenjs as unknown as { default?: PptxGenJSClass }).default ?? pptxgenjs) as unknown as PptxGenJSClass

export type Presentation = InstanceType<PptxGenJSClass>
export type Slide = Types.default.Slide
export type TextProps = Types.default.TextProps
export type TextPropsOptions = Types.default.TextPropsOptions
export type TableCell = Types.default.TableCell
export type TableCellProps = Types.default.TableCellProps
export type BorderProps = Types.default.BorderProps
export type ShapeFillProps = Types.default.ShapeFillProps
export type ImageProps = Types.default.ImageProps
